//! ChatonsInfos files brought by a trainer: parsed as `.properties`, classified by `file.class`
//! (federation, organization, service; device files are skipped), and linked through their
//! `subs.<id> = URL` entries. A sub URL is matched to a given file by that file's `file.url`,
//! else by file name (the URL's last path segment). Links to files not given are reported as
//! notices; a service file no organization links to is skipped with a notice. A malformed file
//! (bad line, invalid UTF-8, missing or unknown `file.class`, organization without a name) is an
//! error: the caller then imports nothing.

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
        last_segment(&self.name)
    }

    /// Where the file says it lives (`file.url`), or its name.
    pub fn origin(&self) -> String {
        match self.props.get("file.url") {
            Some(url) => url.to_string(),
            None => format!("ChatonsInfos: {}", self.file_name()),
        }
    }
}

fn last_segment(s: &str) -> &str {
    let s = s.split(['?', '#']).next().unwrap_or(s);
    let s = s.trim_end_matches(['/', '\\']);
    s.rsplit(['/', '\\']).next().unwrap_or(s)
}

/// An organization file with the service files it links to.
#[derive(Debug, Clone)]
pub struct OrgBundle<'a> {
    pub organization: &'a InputFile,
    pub services: Vec<&'a InputFile>,
    /// Listed by a given federation file (that federation's name, e.g. "CHATONS").
    pub federation: Option<String>,
}

/// The organizations found, with notices about what could not be linked.
#[derive(Debug, Clone)]
pub struct Linked<'a> {
    pub organizations: Vec<OrgBundle<'a>>,
    pub federations: Vec<&'a InputFile>,
    pub notices: Vec<InputError>,
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

/// Resolve `subs.*` links among the files: federation → organizations → services.
pub fn link(files: &[InputFile]) -> Linked<'_> {
    let mut notices = Vec::new();
    let federations: Vec<&InputFile> = files
        .iter()
        .filter(|f| f.class == FileClass::Federation)
        .collect();
    let mut listed: Vec<(usize, String)> = Vec::new();
    for fed in &federations {
        let name = fed
            .props
            .get("federation.name")
            .unwrap_or("CHATONS")
            .to_string();
        for i in subs(fed, files, FileClass::Organization, &mut notices) {
            listed.push((i, name.clone()));
        }
    }
    let mut linked_services: Vec<usize> = Vec::new();
    let mut organizations = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if file.class != FileClass::Organization {
            continue;
        }
        let services: Vec<usize> = subs(file, files, FileClass::Service, &mut notices);
        linked_services.extend(&services);
        organizations.push(OrgBundle {
            organization: file,
            services: services.iter().filter_map(|s| files.get(*s)).collect(),
            federation: listed.iter().find(|(j, _)| *j == i).map(|(_, n)| n.clone()),
        });
    }
    for (i, file) in files.iter().enumerate() {
        match file.class {
            FileClass::Service if !linked_services.contains(&i) => notices.push(InputError::new(
                &file.name,
                0,
                "fichier de service ignoré : aucun fichier d'organisation donné ne le cite dans ses `subs.*`",
                "service file skipped: no given organization file lists it in its `subs.*`",
            )),
            FileClass::Device => notices.push(InputError::new(
                &file.name,
                0,
                "fichier de classe device ignoré",
                "device file skipped",
            )),
            _ => {}
        }
    }
    Linked {
        organizations,
        federations,
        notices,
    }
}

/// The indexes of the files `from` links to with `subs.*`, keeping those of class `want`.
fn subs(
    from: &InputFile,
    files: &[InputFile],
    want: FileClass,
    notices: &mut Vec<InputError>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for (_, entry) in from.props.with_prefix("subs.") {
        let url = entry.value.trim();
        if url.is_empty() {
            continue;
        }
        let by_url = files.iter().position(|f| {
            f.props
                .get("file.url")
                .is_some_and(|u| u.eq_ignore_ascii_case(url))
        });
        let wanted = last_segment(url);
        let by_name = || {
            files
                .iter()
                .position(|f| f.file_name().eq_ignore_ascii_case(wanted))
        };
        match by_url.or_else(by_name) {
            Some(i) if files.get(i).is_some_and(|f| f.class == want) => {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            Some(i) => notices.push(InputError::new(
                &from.name,
                entry.line,
                format!(
                    "lien `{}` vers {} ignoré : ce fichier n'a pas la classe attendue",
                    entry.key,
                    files.get(i).map_or("?", |f| f.name.as_str())
                ),
                format!(
                    "link `{}` to {} ignored: that file is not of the expected class",
                    entry.key,
                    files.get(i).map_or("?", |f| f.name.as_str())
                ),
            )),
            None => notices.push(InputError::new(
                &from.name,
                entry.line,
                format!(
                    "lien `{}` vers {url} : fichier non fourni, ignoré",
                    entry.key
                ),
                format!("link `{}` to {url}: file not given, skipped", entry.key),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> (String, Vec<u8>) {
        (name.to_string(), text.as_bytes().to_vec())
    }

    #[test]
    fn links_by_url_or_file_name() {
        let inputs = vec![
            file(
                "fed.properties",
                "file.class = federation\nfederation.name = CHATONS\nsubs.a = https://a.example.org/.well-known/chatonsinfos/a.properties\n",
            ),
            file(
                "dir/a.properties",
                "file.class = organization\norganization.name = A\nsubs.pad = https://a.example.org/x/pad.properties\nsubs.gone = https://a.example.org/gone.properties\n",
            ),
            file(
                "whatever.properties",
                "file.class = service\nfile.url = https://a.example.org/x/pad.properties\nservice.name = Pad\n",
            ),
            file("orphan.properties", "file.class = service\n"),
        ];
        let files = read_files(&inputs).unwrap();
        let linked = link(&files);
        assert_eq!(linked.organizations.len(), 1);
        let org = &linked.organizations[0];
        assert_eq!(org.federation.as_deref(), Some("CHATONS"));
        assert_eq!(org.services.len(), 1);
        assert_eq!(linked.notices.len(), 2, "{:?}", linked.notices);
        assert_eq!(linked.notices[0].line, 4);
    }

    #[test]
    fn refuses_files_without_a_class() {
        let err = read_files(&[file("x.properties", "foo = bar\n")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.properties: missing `file.class`: not a ChatonsInfos file (expected federation, organization or service)"
        );
    }
}
