//! What can go wrong with the store, and what to tell the person: every variant names the file
//! (or the audit) and says what to do, in French and English, through [`StoreError::message`].

use std::path::PathBuf;

use crate::i18n::Message;
use crate::questionnaire::answer::Problem;

/// An error of the store. The database file is left as it was whenever one of these is returned
/// (a transaction that failed is rolled back as a whole).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No home folder, so no default place for the database.
    #[error("no data folder: {0}")]
    NoDataDir(String),
    /// The folder that should hold the database cannot be created.
    #[error("{path}: cannot create the folder: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The folder or the file cannot be written to.
    #[error("{path}: read-only")]
    ReadOnly { path: PathBuf, detail: String },
    /// The path names a folder (or something else that is not a regular file).
    #[error("{path}: not a regular file")]
    NotAFile { path: PathBuf },
    /// The file exists but is not an SQLite database.
    #[error("{path}: not a database")]
    NotADatabase { path: PathBuf },
    /// The file is shorter than its own header says: it was cut while being copied.
    #[error("{path}: truncated ({actual} bytes, {expected} expected)")]
    Truncated {
        path: PathBuf,
        expected: u64,
        actual: u64,
    },
    /// SQLite found damaged pages.
    #[error("{path}: corrupt database: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    /// The file was written by a newer diagasso.
    #[error("{path}: schema version {found} is newer than {known}")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// The file was made by another program (a database, but not a diagasso one).
    #[error("{path}: not a diagasso database")]
    Foreign { path: PathBuf },
    /// Another process holds the database and did not let go within the busy timeout.
    #[error("{path}: locked by another process")]
    Locked { path: PathBuf },
    /// The disk (or the database's size limit) is full.
    #[error("{path}: disk full")]
    DiskFull { path: PathBuf },
    /// Reading or writing the file failed.
    #[error("{path}: input/output error: {detail}")]
    Io { path: PathBuf, detail: String },
    /// Any other SQLite failure (a bug, most likely).
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// A stored value cannot be read back (the file was edited by hand, or by a newer version).
    #[error("{path}: unreadable stored value: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("unknown association {0}")]
    UnknownAssociation(String),
    #[error("unknown audit {0}")]
    UnknownAudit(String),
    /// The question is not in the questionnaire the audit was started with.
    #[error("audit {audit}: unknown question {question}")]
    UnknownQuestion { audit: String, question: String },
    /// The answer breaks the question's rules.
    #[error("question {question}: {}", problem.en)]
    InvalidAnswer { question: String, problem: Problem },
    /// The copy of the questionnaire stored with the audit no longer loads.
    #[error("audit {audit}: stored questionnaire does not load: {detail}")]
    StoredQuestionnaire { audit: String, detail: String },
    /// Data refused before writing (e.g. an association without a name).
    #[error("{}", .0.en)]
    Invalid(Message),
}

impl StoreError {
    /// What went wrong and what to do, in both languages.
    pub fn message(&self) -> Message {
        use StoreError as E;
        match self {
            E::NoDataDir(e) => Message::new(
                format!(
                    "Aucun dossier de données trouvé ({e}). Indiquez un fichier avec --db CHEMIN ou DIAGASSO_DB."
                ),
                format!("No data folder found ({e}). Name a file with --db PATH or DIAGASSO_DB."),
            ),
            E::CreateFolder { path, source } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : impossible de créer le dossier ({source}). Vérifiez les droits, ou choisissez un autre fichier avec --db."
                    ),
                    format!(
                        "{p}: cannot create the folder ({source}). Check the permissions, or choose another file with --db."
                    ),
                )
            }
            E::ReadOnly { path, detail } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : écriture impossible, le fichier ou son dossier est en lecture seule ({detail}). Rendez le dossier inscriptible (SQLite y crée aussi {p}-wal et {p}-shm), ou copiez le fichier ailleurs et utilisez --db. Le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: cannot write, the file or its folder is read-only ({detail}). Make the folder writable (SQLite also creates {p}-wal and {p}-shm there), or copy the file elsewhere and use --db. The file was not changed."
                    ),
                )
            }
            E::NotAFile { path } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : ce n'est pas un fichier (un dossier ?). Donnez le chemin d'un fichier .db avec --db."
                    ),
                    format!(
                        "{p}: this is not a file (a folder?). Give the path of a .db file with --db."
                    ),
                )
            }
            E::NotADatabase { path } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : ce fichier n'est pas une base diagasso (ni même SQLite). Vérifiez le chemin donné à --db ; le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: this file is not a diagasso database (not even SQLite). Check the path given to --db; the file was not changed."
                    ),
                )
            }
            E::Truncated {
                path,
                expected,
                actual,
            } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : fichier tronqué ({actual} octets au lieu de {expected}), sans doute une copie interrompue. Reprenez une copie complète ou une sauvegarde ; le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: truncated file ({actual} bytes instead of {expected}), probably an interrupted copy. Take a complete copy or a backup; the file was not changed."
                    ),
                )
            }
            E::Corrupt { path, detail } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : base de données endommagée ({detail}). Gardez ce fichier de côté et repartez d'une sauvegarde ; `sqlite3 {p} .recover` peut sauver une partie des données. Le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: damaged database ({detail}). Keep this file aside and start again from a backup; `sqlite3 {p} .recover` may save part of the data. The file was not changed."
                    ),
                )
            }
            E::NewerSchema { path, found, known } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : fichier écrit par une version plus récente de diagasso (schéma {found}, cette version connaît jusqu'au {known}). Mettez diagasso à jour ; le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: file written by a newer diagasso (schema {found}, this version knows up to {known}). Update diagasso; the file was not changed."
                    ),
                )
            }
            E::Foreign { path } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : base SQLite d'un autre programme, pas de diagasso. Choisissez un autre fichier avec --db ; celui-ci n'a pas été modifié."
                    ),
                    format!(
                        "{p}: an SQLite database of another program, not diagasso. Choose another file with --db; this one was not changed."
                    ),
                )
            }
            E::Locked { path } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : base occupée par un autre programme (une autre fenêtre de diagasso ?). Fermez-le et réessayez ; rien n'a été écrit."
                    ),
                    format!(
                        "{p}: database busy in another program (another diagasso window?). Close it and try again; nothing was written."
                    ),
                )
            }
            E::DiskFull { path } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : disque plein, rien n'a été écrit. Libérez de la place puis recommencez la dernière action ; les réponses déjà enregistrées sont intactes."
                    ),
                    format!(
                        "{p}: disk full, nothing was written. Free some space and repeat the last action; answers saved before are intact."
                    ),
                )
            }
            E::Io { path, detail } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : erreur de lecture ou d'écriture ({detail}). Vérifiez le disque (clé USB retirée ?) et réessayez."
                    ),
                    format!(
                        "{p}: read or write error ({detail}). Check the disk (USB key removed?) and try again."
                    ),
                )
            }
            E::Sqlite { path, source } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : erreur SQLite inattendue ({source}). Signalez-la avec la commande lancée ; le fichier n'a pas été modifié."
                    ),
                    format!(
                        "{p}: unexpected SQLite error ({source}). Please report it with the command you ran; the file was not changed."
                    ),
                )
            }
            E::Unreadable { path, detail } => {
                let p = path.display();
                Message::new(
                    format!(
                        "{p} : donnée enregistrée illisible ({detail}). Le fichier a-t-il été modifié à la main ou par une version plus récente ? Mettez diagasso à jour."
                    ),
                    format!(
                        "{p}: unreadable stored data ({detail}). Was the file edited by hand or by a newer version? Update diagasso."
                    ),
                )
            }
            E::UnknownAssociation(id) => Message::new(
                format!(
                    "association inconnue « {id} » : voyez `diagasso list --json` pour les identifiants."
                ),
                format!("unknown association '{id}': see `diagasso list --json` for the ids."),
            ),
            E::UnknownAudit(id) => Message::new(
                format!(
                    "aucun audit « {id} » dans cette base (supprimé, ou identifiant incomplet ?) : `diagasso list` donne les identifiants."
                ),
                format!(
                    "no audit '{id}' in this database (deleted, or an incomplete id?): `diagasso list` gives the ids."
                ),
            ),
            E::UnknownQuestion { audit, question } => Message::new(
                format!(
                    "la question « {question} » n'existe pas dans le questionnaire de l'audit {audit} ; rien n'a été écrit."
                ),
                format!(
                    "question '{question}' does not exist in the questionnaire of audit {audit}; nothing was written."
                ),
            ),
            E::InvalidAnswer { question, problem } => Message::new(
                format!(
                    "réponse refusée pour « {question} » : {} ; rien n'a été écrit.",
                    problem.fr
                ),
                format!(
                    "answer refused for '{question}': {}; nothing was written.",
                    problem.en
                ),
            ),
            E::StoredQuestionnaire { audit, detail } => Message::new(
                format!(
                    "la copie du questionnaire gardée avec l'audit {audit} ne se charge plus ({detail}). Signalez-le : l'audit n'est pas modifié."
                ),
                format!(
                    "the questionnaire copy kept with audit {audit} no longer loads ({detail}). Please report it: the audit is unchanged."
                ),
            ),
            E::Invalid(m) => m.clone(),
        }
    }
}

/// Turn an SQLite error into the store error a person can act on.
pub(crate) fn classify(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    let path = path.to_path_buf();
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path },
        Some(C::DiskFull) => StoreError::DiskFull { path },
        Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => {
            StoreError::ReadOnly { path, detail }
        }
        Some(C::NotADatabase) => StoreError::NotADatabase { path },
        Some(C::DatabaseCorrupt) => StoreError::Corrupt { path, detail },
        Some(C::SystemIoFailure) => StoreError::Io { path, detail },
        _ => StoreError::Sqlite { path, source: e },
    }
}

/// [`classify`], reading the operating system's error behind an SQLite I/O error met on
/// `conn`: no space left (ENOSPC), a file-size limit (EFBIG, `ulimit -f`) or a disk quota
/// (EDQUOT) is a full disk to the person, whichever step met it (writing the WAL, growing the
/// `-shm` index, syncing). SQLite itself says SQLITE_FULL only when writing the database or
/// its journal runs out of space.
pub(crate) fn classify_on(
    conn: &rusqlite::Connection,
    path: &std::path::Path,
    e: rusqlite::Error,
) -> StoreError {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::SystemIoFailure | C::CannotOpen) if out_of_room(conn) => StoreError::DiskFull {
            path: path.to_path_buf(),
        },
        _ => classify(path, e),
    }
}

/// Whether the last system error SQLite met on `conn` says the disk (or the file) is full.
fn out_of_room(conn: &rusqlite::Connection) -> bool {
    // SAFETY: `handle` is the live connection's own pointer, used only for the duration of
    // this call; `sqlite3_system_errno` reads one field of it.
    let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
    is_out_of_room(errno)
}

#[cfg(unix)]
fn is_out_of_room(errno: i32) -> bool {
    [libc::ENOSPC, libc::EFBIG, libc::EDQUOT].contains(&errno)
}

#[cfg(not(unix))]
fn is_out_of_room(errno: i32) -> bool {
    // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
    [39, 112].contains(&errno)
}

/// The error for an I/O failure on `path` outside SQLite (creating or probing the file).
pub(crate) fn io_error(path: &std::path::Path, e: std::io::Error) -> StoreError {
    use std::io::ErrorKind as K;
    let path = path.to_path_buf();
    match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => StoreError::ReadOnly {
            path,
            detail: e.to_string(),
        },
        K::StorageFull | K::FileTooLarge | K::QuotaExceeded => StoreError::DiskFull { path },
        K::IsADirectory => StoreError::NotAFile { path },
        _ => StoreError::Io {
            path,
            detail: e.to_string(),
        },
    }
}

/// An error inside a store operation, before it is tied to the file's path.
#[derive(Debug)]
pub(crate) enum Fail {
    Sql(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Fail {
        Fail::Sql(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Fail {
        Fail::Store(e)
    }
}

impl Fail {
    /// The store error, naming `path`, for a failure of an operation on the open connection
    /// `conn`. The file passed the probe when it was opened, so "not a database" met now means
    /// damage, not a wrong path.
    pub(crate) fn at(self, conn: &rusqlite::Connection, path: &std::path::Path) -> StoreError {
        match self {
            Fail::Sql(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                }
            }
            Fail::Sql(e) => classify_on(conn, path, e),
            Fail::Store(StoreError::Unreadable { detail, .. }) => StoreError::Unreadable {
                path: path.to_path_buf(),
                detail,
            },
            Fail::Store(e) => e,
        }
    }

    /// A stored value that cannot be read back.
    pub(crate) fn unreadable(detail: impl Into<String>) -> Fail {
        Fail::Store(StoreError::Unreadable {
            path: std::path::PathBuf::new(),
            detail: detail.into(),
        })
    }
}
