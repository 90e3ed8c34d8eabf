//! One ChatonsInfos input file: parsed as `.properties`, classified by its `file.class`
//! (federation, organization, service, device), refused whole when it is malformed, has no or an
//! unknown class, or is an organization without a name. All errors of all files come together.

use super::links::stamp;
use super::properties::{InputError, InputErrors, Properties, parse};

/// The `file.class` of a ChatonsInfos file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileClass {
    Federation,
    Organization,
    Service,
    Device,
}

impl FileClass {
    fn from_value(v: &str) -> Option<FileClass> {
        match v.trim().to_ascii_lowercase().as_str() {
            "federation" => Some(FileClass::Federation),
            "organization" | "organisation" => Some(FileClass::Organization),
            "service" => Some(FileClass::Service),
            "device" => Some(FileClass::Device),
            _ => None,
        }
    }
}

/// One parsed input file.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The name given (a path as typed), used in messages.
    pub name: String,
    pub class: FileClass,
    pub props: Properties,
}

impl InputFile {
    /// The last path segment of the name (`/media/usb/foo.properties` → `foo.properties`).
    pub fn file_name(&self) -> &str {
        super::links::last_segment(&self.name)
    }

    /// Where the file says it lives (`file.url`), else `linked_as` (the address another file
    /// links it by), else its name as given.
    pub fn origin(&self, linked_as: Option<&str>) -> String {
        match self.props.get("file.url").or(linked_as) {
            Some(url) => url.to_string(),
            None => format!("ChatonsInfos: {}", self.name),
        }
    }

    /// A sortable stamp of `file.datetime` (empty when absent): the newest file wins.
    pub fn stamp(&self) -> String {
        stamp(self)
    }
}

/// Parse and classify every file. All errors of all files are returned together.
pub fn read_files(inputs: &[(String, Vec<u8>)]) -> Result<Vec<InputFile>, InputErrors> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for (name, bytes) in inputs {
        let props = match parse(name, bytes) {
            Ok(p) => p,
            Err(InputErrors(e)) => {
                errors.extend(e);
                continue;
            }
        };
        let class = match props.entry("file.class") {
            None => {
                errors.push(InputError::new(
                    name,
                    0,
                    "`file.class` manquant : ce n'est pas un fichier ChatonsInfos (attendu federation, organization ou service)",
                    "missing `file.class`: not a ChatonsInfos file (expected federation, organization or service)",
                ));
                continue;
            }
            Some(e) => match FileClass::from_value(&e.value) {
                Some(c) => c,
                None => {
                    errors.push(InputError::new(
                        name,
                        e.line,
                        format!("`file.class` inconnu « {} » : attendu federation, organization, service ou device", e.value),
                        format!("unknown `file.class` \"{}\": expected federation, organization, service or device", e.value),
                    ));
                    continue;
                }
            },
        };
        if class == FileClass::Organization && props.get("organization.name").is_none() {
            errors.push(InputError::new(
                name,
                0,
                "fichier d'organisation sans `organization.name` : impossible d'en faire un hébergeur",
                "organization file without `organization.name`: cannot make a host of it",
            ));
            continue;
        }
        files.push(InputFile {
            name: name.clone(),
            class,
            props,
        });
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(InputErrors(errors))
    }
}
