//! Writing a file so that nothing half-written or misdirected is ever left under its name: the
//! one way every writer of diagasso creates a file (exports, comparisons, workshop dashboards,
//! bundles, the user catalogue).
//!
//! The bytes go to a hidden temporary file in the target's own folder (`.NAME.PID.N.part`,
//! created new, so nothing planted there is followed), are flushed to the disk (`fsync`), then
//! the temporary is renamed to the final name: a reader, a sync client or the next run sees the
//! old file or the new one, never a part. The rename replaces a symbolic link planted under the
//! final name (it never writes through it); without `replace`, an existing name — a file, a
//! link, even a dangling one — is refused, atomically where the system can (`renameat2` with
//! `RENAME_NOREPLACE`, else a hard link). On any failure the temporary is removed, and a full
//! disk (ENOSPC, a quota, a file-size limit) is said in words. A device, a named pipe or a
//! socket under the name is never written to nor replaced, even with `replace` (`--out
//! /dev/full --force` run as root would otherwise put a file in place of the device).
//!
//! `private` files (anything with a name, a contact, answers: every export that is not
//! anonymised, every bundle) are created 0600; the others get the usual mode (0666 less the
//! umask).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::i18n::Message;

/// How to write one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Replace a file (or a link) already under the name.
    pub replace: bool,
    /// Create it readable by its owner only (0600).
    pub private: bool,
}

/// Why a file was not written. In every case, nothing is left under the final name that was
/// not there before, and no temporary file is left beside it.
#[derive(Debug)]
pub enum WriteFail {
    /// The name is taken and `replace` was not asked.
    Exists(PathBuf),
    /// The name is a folder.
    Folder(PathBuf),
    /// The name is a device, a named pipe or a socket: never written to nor replaced.
    Special(PathBuf, Special),
    /// The disk (or a quota, or a size limit) is full.
    DiskFull(PathBuf),
    /// Any other failure of the system.
    Io(PathBuf, io::Error),
}

impl WriteFail {
    /// The path concerned.
    pub fn path(&self) -> &Path {
        match self {
            WriteFail::Exists(p)
            | WriteFail::Folder(p)
            | WriteFail::Special(p, _)
            | WriteFail::DiskFull(p)
            | WriteFail::Io(p, _) => p,
        }
    }

    /// For a person, in both languages.
    pub fn message(&self) -> Message {
        let shown = self.path().display();
        match self {
            WriteFail::Exists(_) => Message::new(
                format!("{shown} existe déjà ; rien n'a été remplacé"),
                format!("{shown} already exists; nothing was replaced"),
            ),
            WriteFail::Folder(_) => Message::new(
                format!("{shown} est un dossier : donnez un nom de fichier"),
                format!("{shown} is a folder: give a file name"),
            ),
            WriteFail::Special(_, what) => {
                let (fr, en) = match what {
                    Special::Device => (
                        "un périphérique (un fichier spécial du système)",
                        "a device",
                    ),
                    Special::Fifo => ("un tube nommé (FIFO)", "a named pipe (FIFO)"),
                    Special::Socket => ("une socket", "a socket"),
                    Special::Other => ("un fichier spécial", "a special file"),
                };
                Message::new(
                    format!(
                        "{shown} est {fr}, pas un fichier : rien n'y a été écrit ni remplacé. Choisissez un autre nom de fichier."
                    ),
                    format!(
                        "{shown} is {en}, not a file: nothing was written to it or replaced. Choose another file name."
                    ),
                )
            }
            WriteFail::DiskFull(_) => Message::new(
                format!(
                    "{shown} : disque plein, le fichier n'a pas été écrit (rien n'est resté sous ce nom). Libérez de la place puis recommencez."
                ),
                format!(
                    "{shown}: disk full, the file was not written (nothing was left under that name). Free some space, then try again."
                ),
            ),
            WriteFail::Io(_, e) => Message::new(
                format!("écriture de {shown} impossible : {e}"),
                format!("cannot write {shown}: {e}"),
            ),
        }
    }
}

/// What stands under a name that is neither a file, a link nor a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Device,
    Fifo,
    Socket,
    Other,
}

/// Whether a file may be written under `path`: nothing there, or a file or a link (when
/// `replace`); a folder, a device, a pipe or a socket never.
pub fn check_target(path: &Path, replace: bool) -> Result<(), WriteFail> {
    if path.is_dir() {
        return Err(WriteFail::Folder(path.to_path_buf()));
    }
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let t = meta.file_type();
    if !(t.is_file() || t.is_symlink()) {
        return Err(WriteFail::Special(path.to_path_buf(), special(t)));
    }
    if replace {
        Ok(())
    } else {
        Err(WriteFail::Exists(path.to_path_buf()))
    }
}

fn special(t: std::fs::FileType) -> Special {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_block_device() {
            return Special::Device;
        } else if t.is_fifo() {
            return Special::Fifo;
        } else if t.is_socket() {
            return Special::Socket;
        }
    }
    let _ = t;
    Special::Other
}

/// Whether `e` means the disk is full: no space, a quota, a file-size limit.
pub fn is_disk_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge
    ) || e
        .raw_os_error()
        .is_some_and(|c| c == libc::ENOSPC || c == libc::EDQUOT || c == libc::EFBIG)
}

/// Write `bytes` to `path`.
pub fn write(path: &Path, bytes: &[u8], opts: Options) -> Result<(), WriteFail> {
    write_with(path, opts, |w| w.write_all(bytes)).map_err(|f| match f {
        Failed::Write(w) => w,
        Failed::Content(e) => WriteFail::Io(path.to_path_buf(), e),
    })
}

/// A failure of [`write_with`]: writing the file, or making what goes in it.
#[derive(Debug)]
pub enum Failed<E> {
    Write(WriteFail),
    Content(E),
}

/// Write to `path` what `fill` writes into the given writer (buffered): for content made as it
/// is written (thousands of audits, one at a time). When `fill` fails, nothing is left; if a
/// write had failed under it, that is the error reported (a full disk as such), else its own.
pub fn write_with<T, E>(
    path: &Path,
    opts: Options,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, Failed<E>> {
    let fail = |e: io::Error| Failed::Write(classify(path, e));
    check_target(path, opts.replace).map_err(Failed::Write)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fichier".into());
    let (tmp, file) = temporary(&dir, &name, opts.private).map_err(fail)?;
    let mut out = Recording {
        inner: BufWriter::with_capacity(1 << 16, file),
        failed: None,
    };
    let result = fill(&mut out);
    let done = match result {
        Ok(value) => finish(out, &tmp, path, opts.replace)
            .map(|()| value)
            .map_err(|e| match e {
                Finish::Exists => Failed::Write(WriteFail::Exists(path.to_path_buf())),
                Finish::Refused(w) => Failed::Write(w),
                Finish::Io(e) => fail(e),
            }),
        Err(e) => Err(match out.failed.take() {
            Some(io) => fail(io),
            None => Failed::Content(e),
        }),
    };
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

fn classify(path: &Path, e: io::Error) -> WriteFail {
    if is_disk_full(&e) {
        WriteFail::DiskFull(path.to_path_buf())
    } else if e.kind() == io::ErrorKind::IsADirectory {
        WriteFail::Folder(path.to_path_buf())
    } else {
        WriteFail::Io(path.to_path_buf(), e)
    }
}

/// A new hidden file beside the target.
fn temporary(dir: &Path, name: &str, private: bool) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.part", std::process::id()));
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match o.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 1000 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

enum Finish {
    Exists,
    Refused(WriteFail),
    Io(io::Error),
}

impl From<io::Error> for Finish {
    fn from(e: io::Error) -> Finish {
        Finish::Io(e)
    }
}

/// Flush, sync, and move the temporary into place.
fn finish(out: Recording, tmp: &Path, path: &Path, replace: bool) -> Result<(), Finish> {
    let file = out.inner.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    drop(file);
    if replace {
        // Checked again at the last moment: what was put there meanwhile is not replaced.
        check_target(path, true).map_err(Finish::Refused)?;
        std::fs::rename(tmp, path)?;
    } else {
        rename_new(tmp, path)?;
    }
    // Make the rename itself durable (not possible, nor needed, everywhere).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Rename `tmp` to `path` unless `path` exists (as anything, a dangling link included).
fn rename_new(tmp: &Path, path: &Path) -> Result<(), Finish> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes());
        if let (Ok(from), Ok(to)) = (c(tmp), c(path)) {
            // SAFETY: two valid NUL-terminated paths; renameat2 only reads them.
            let rc = unsafe {
                libc::renameat2(
                    libc::AT_FDCWD,
                    from.as_ptr(),
                    libc::AT_FDCWD,
                    to.as_ptr(),
                    libc::RENAME_NOREPLACE,
                )
            };
            if rc == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EEXIST) => return Err(Finish::Exists),
                // Not offered by this file system or kernel: the portable way below.
                Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => {}
                _ => return Err(e.into()),
            }
        }
    }
    // A hard link fails if the name exists, whatever it is; then the temporary goes.
    match std::fs::hard_link(tmp, path) {
        Ok(()) => {
            let _ = std::fs::remove_file(tmp);
            return Ok(());
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(Finish::Exists),
        Err(_) => {}
    }
    // No hard links here (a FAT USB key): check, then rename.
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Finish::Exists);
    }
    std::fs::rename(tmp, path)?;
    Ok(())
}

/// A writer that remembers the first error it met, so that a failure reported by the content's
/// maker as its own (a CSV or JSON error) is still known to be the disk's.
struct Recording {
    inner: BufWriter<File>,
    failed: Option<io::Error>,
}

impl Recording {
    fn keep(&mut self, e: &io::Error) {
        if self.failed.is_none() {
            self.failed = Some(io::Error::new(e.kind(), e.to_string()));
            if let Some(code) = e.raw_os_error() {
                self.failed = Some(io::Error::from_raw_os_error(code));
            }
        }
    }
}

impl Write for Recording {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.keep(e))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf).inspect_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|e| self.keep(e))
    }
}

/// Create `dir` (and its missing parents) readable by its owner only (0700): the data folder,
/// whoever creates it first (the store, `catalog import`). An existing folder is left as it is.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

#[cfg(test)]
#[path = "safe_file_tests.rs"]
mod tests;
