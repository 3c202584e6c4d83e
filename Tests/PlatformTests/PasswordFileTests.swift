import Platform
import Testing

struct PasswordFileTests {
    static let passwd = Array(
        """
        root:x:0:0:root:/root:/bin/bash
        # a comment line
        broken-line
        nohome:x:1001:1001::/:/bin/sh
        empty:x:1002:1002:::/bin/sh
        alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash
        twice:x:1000:1000::/home/second:/bin/bash
        """.utf8)

    @Test(arguments: [
        (UInt32(0), "/root" as String?), (1000, "/home/alice"), (1001, "/"), (1002, nil), (4242, nil)
    ])
    func findsTheHomeOfAUserID(_ id: UInt32, _ home: String?) {
        #expect(PasswordFile.homeDirectory(of: id, in: Self.passwd) == home)
    }
}
