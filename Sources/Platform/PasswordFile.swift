/// The home directory of a user as `/etc/passwd` records it, read by policy itself.
///
/// `getpwuid` would go through glibc's NSS, which loads `libnss_*.so` modules at run time: a static executable
/// cannot do that safely (the modules must match the glibc linked in, and an empty root has none). A user that
/// exists only in LDAP or systemd-homed has no line here; such a user has `HOME` set by the login that made the
/// session, and `HOME` is asked first.
public enum PasswordFile {
    /// The file read: the one every Linux user database keeps local users in.
    public static let path = "/etc/passwd"

    /// The home directory (the sixth field) of the first line whose user id (the third field) is `userID`; nil
    /// when there is none or it is empty.
    public static func homeDirectory(of userID: UInt32, in contents: [UInt8]) -> String? {
        for line in contents.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard fields.count >= 7, let id = UInt32(String(decoding: fields[2], as: UTF8.self)), id == userID
            else { continue }
            let home = String(decoding: fields[5], as: UTF8.self)
            return home.isEmpty ? nil : home
        }
        return nil
    }
}
