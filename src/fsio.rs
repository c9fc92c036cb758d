//! File I/O at the edges, shared by the config, facts and baseline readers and the
//! baseline writer: only regular files are read (a FIFO or device given by mistake would
//! block forever), and files are written atomically through a temporary file that a
//! killed run leaves behind at most once per target, to be reused by the next write.

use crate::error::{Error, ErrorKind};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads a regular file as UTF-8 text; anything else (a FIFO, socket, device or
/// directory) is refused without opening it.
pub fn read_regular(path: &Path) -> Result<String, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta));
    }
    std::fs::read_to_string(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))
}

/// The error for a path that is not a regular file.
pub fn not_regular(path: &Path, meta: &std::fs::Metadata) -> Error {
    let what = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file (a FIFO, socket or device)"
    };
    Error::new(path, ErrorKind::Other(format!("{what}; refused")))
}

/// Writes `contents` to `path` atomically: into `.NAME.claimcheck-tmp` beside the
/// target, then renamed over it. A symlink at `path` is written through to its target
/// (the link stays). The temporary name is fixed, so a write killed halfway leaves one
/// stale file that the next write reuses.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let target = through_links(path);
    let fail = |e: std::io::Error| Error::new(&target, ErrorKind::Write(e));
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claimcheck".into());
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() {
            return Err(Error::new(
                &target,
                ErrorKind::Other("not a regular file; not written".into()),
            ));
        }
    }
    let tmp = dir.join(format!(".{name}.claimcheck-tmp"));
    remove_old_temp_files(&dir, &name);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

/// Removes the `.NAME.PID.tmp` files that earlier versions left behind when a write was
/// killed (one per killed run, each as large as the file).
fn remove_old_temp_files(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The file a path finally names, following symlinks (also dangling ones, whose target
/// is created).
fn through_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) => {
                    p = match p.parent() {
                        Some(dir) if next.is_relative() => dir.join(next),
                        _ => next,
                    }
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_temporary_file_is_reused_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(dir.path().join(".b.json.claimcheck-tmp"), "stale").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temporary_files_of_earlier_versions_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        for stale in [".b.json.123.tmp", ".b.json.4567.tmp"] {
            std::fs::write(dir.path().join(stale), "stale").unwrap();
        }
        std::fs::write(dir.path().join(".b.json.notes.tmp"), "kept").unwrap();
        write_atomic(&path, b"new").unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".b.json.notes.tmp", "b.json"]);
    }

    #[test]
    fn a_directory_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path()).unwrap_err().to_string();
        assert!(err.contains("a directory"), "{err}");
    }
}
