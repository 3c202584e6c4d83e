#!/usr/bin/env python3
"""Writes a tiny OCI image layout (one layer holding one file) into DIR, tagged TAG: what a consumer test
pushes with skopeo to prove the stored credentials work.   usage: make_oci_image.py DIR TAG"""
import gzip, hashlib, io, json, os, sys, tarfile

directory, tag = sys.argv[1], sys.argv[2]
blobs = os.path.join(directory, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)


def put(data: bytes) -> dict:
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return {"digest": "sha256:" + digest, "size": len(data)}


tar_bytes = io.BytesIO()
with tarfile.open(fileobj=tar_bytes, mode="w") as tar:
    content = b"pushed by the policy consumer test\n"
    info = tarfile.TarInfo("hello.txt")
    info.size, info.mtime = len(content), 0
    tar.addfile(info, io.BytesIO(content))
layer_tar = tar_bytes.getvalue()
layer = put(gzip.compress(layer_tar, mtime=0))
config = put(json.dumps({"architecture": "amd64", "os": "linux",
                         "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer_tar).hexdigest()]}}).encode())
manifest = put(json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **config},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", **layer}],
}).encode())
with open(os.path.join(directory, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", **manifest,
                                                 "annotations": {"org.opencontainers.image.ref.name": tag}}]}, f)
with open(os.path.join(directory, "oci-layout"), "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
