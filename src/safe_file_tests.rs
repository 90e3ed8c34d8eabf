//! Tests of `safe_file`: links, dangling links, failures, a full disk, folders, special
//! files (devices, pipes, sockets) under the name.

use super::*;

fn left(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_planted_link_is_replaced_and_its_target_untouched() {
    let d = tempfile::tempdir().unwrap();
    let outside = d.path().join("outside.txt");
    std::fs::write(&outside, "precious").unwrap();
    let out = d.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("rapport.md");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, &target).unwrap();
    // Without replace: refused, the link and its target as they were.
    let e = write(&target, b"new", Options::default()).unwrap_err();
    assert!(matches!(e, WriteFail::Exists(_)), "{e:?}");
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
    // With replace: the link itself is replaced by the file.
    let opts = Options {
        replace: true,
        private: true,
    };
    write(&target, b"new", opts).unwrap();
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
    assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    assert_eq!(left(&out), ["rapport.md"]);
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);
}

#[test]
fn a_dangling_link_counts_as_taken() {
    let d = tempfile::tempdir().unwrap();
    let target = d.path().join("x.json");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.path().join("nowhere"), &target).unwrap();
    let e = write(&target, b"{}", Options::default()).unwrap_err();
    assert!(matches!(e, WriteFail::Exists(_)));
    assert!(!d.path().join("nowhere").exists());
}

#[test]
fn a_failure_of_the_content_leaves_nothing() {
    let d = tempfile::tempdir().unwrap();
    let target = d.path().join("diagnostics.csv");
    let r: Result<(), Failed<&str>> = write_with(&target, Options::default(), |w| {
        w.write_all(b"half a row").unwrap();
        Err("the store failed on audit 5,000")
    });
    assert!(matches!(r, Err(Failed::Content(_))));
    assert_eq!(left(d.path()), Vec::<String>::new());
}

#[test]
fn the_full_disk_device_is_named_disk_full() {
    // /dev/full fails every write with ENOSPC: a file there cannot be made, but its error
    // is what a full disk gives, and it is classified as such.
    let Ok(mut f) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let e = f.write_all(&[0; 10]).unwrap_err();
    assert!(is_disk_full(&e), "{e:?}");
    let fail = classify(Path::new("/x/y.csv"), e);
    assert!(matches!(fail, WriteFail::DiskFull(_)));
    assert!(fail.message().en.contains("disk full"));
    assert!(fail.message().fr.contains("disque plein"));
}

#[test]
fn a_folder_under_the_name_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let opts = Options {
        replace: true,
        private: false,
    };
    assert!(matches!(
        write(d.path(), b"x", opts).unwrap_err(),
        WriteFail::Folder(_)
    ));
}

#[cfg(unix)]
#[test]
fn private_folders_are_0700() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("share/diagasso");
    private_dir(&data).unwrap();
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&d.path().join("share")), 0o700);
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_socket_under_the_name_is_never_written_to_nor_replaced() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("paquet.diagasso.json");
    let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let socket = d.path().join("s.csv");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for replace in [false, true] {
        let opts = Options {
            replace,
            private: true,
        };
        let e = write(&fifo, b"x", opts).unwrap_err();
        assert!(matches!(e, WriteFail::Special(_, Special::Fifo)), "{e:?}");
        assert!(e.message().fr.contains("tube nommé"), "{}", e.message().fr);
        assert!(e.message().en.contains("Choose another file name"));
        let e = write(&socket, b"x", opts).unwrap_err();
        assert!(matches!(e, WriteFail::Special(_, Special::Socket)), "{e:?}");
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
    assert_eq!(left(d.path()), ["paquet.diagasso.json", "s.csv"]);
    // A device: refused as such, without even trying to replace it.
    if std::fs::symlink_metadata("/dev/null").is_ok() {
        let e = check_target(Path::new("/dev/null"), true).unwrap_err();
        assert!(matches!(e, WriteFail::Special(_, Special::Device)), "{e:?}");
        assert!(e.message().en.contains("is a device"));
    }
}
