#ifndef POLICY_CCURL_SHIM_H
#define POLICY_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
   These typed wrappers give each argument kind its own non-variadic entry point. */

typedef size_t (*policy_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode policy_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode policy_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode policy_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode policy_curl_setopt_callback(CURL *handle, CURLoption option, policy_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* A header list (CURLOPT_HTTPHEADER); libcurl keeps the pointer, so the list must outlive the transfer. */
static inline CURLcode policy_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode policy_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode policy_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* What the libcurl in use reports about itself at run time: its version and those of the libraries inside it
   (TLS, nghttp2, c-ares). CURLVERSION_NOW is a macro naming the newest layout this header knows. */
static inline const curl_version_info_data *policy_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

/* Macro values Swift cannot import directly. */
static const long policy_curlauth_none = CURLAUTH_NONE;
static const long policy_curlauth_basic = CURLAUTH_BASIC;
static const long policy_curlauth_bearer = CURLAUTH_BEARER;
static const long policy_curl_global_default = CURL_GLOBAL_DEFAULT;

#endif
