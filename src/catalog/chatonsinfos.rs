//! ChatonsInfos files brought by a trainer: parsed as `.properties`, classified by `file.class`
//! (federation, organization, service; device files are skipped), and linked through their
//! `subs.<id> = URL` entries as the format means them (see [`super::links`]: by address, then by
//! the organization's own folder or site, never by a bare file name across hosts). Links that
//! cannot be followed — file not given, ambiguous, of the wrong class — are notices naming file
//! and line; a service file no organization links to is skipped with a notice. A malformed file
//! (bad line, invalid UTF-8, missing or unknown `file.class`, organization without a name) is an
//! error: the caller then imports nothing.

pub use super::input_file::{FileClass, InputFile, read_files};
use super::links::{How, Index, Resolved};
use super::properties::InputError;

/// A file reached through a `subs.*` link, with the address it was linked by.
#[derive(Debug, Clone)]
pub struct LinkedFile<'a> {
    pub file: &'a InputFile,
    pub url: String,
}

/// A federation file that lists organizations.
#[derive(Debug, Clone)]
pub struct Federation<'a> {
    pub file: &'a InputFile,
    /// `federation.name` (CHATONS when absent).
    pub name: String,
    /// It is the CHATONS federation (its name or website says so): only then does its list
    /// speak for membership of the collective.
    pub is_chatons: bool,
    /// Every `subs.*` entry: (key after `subs.`, URL).
    pub entries: Vec<(String, String)>,
}

/// An organization file with the service files it links to.
#[derive(Debug, Clone)]
pub struct OrgBundle<'a> {
    pub organization: &'a InputFile,
    /// Where the organization file lives: its `file.url`, or the address a federation links
    /// it by.
    pub url: Option<String>,
    pub services: Vec<LinkedFile<'a>>,
    /// Listed by a given CHATONS federation file (that federation's name).
    pub federation: Option<String>,
}

/// The organizations found, with notices about what could not be linked.
#[derive(Debug, Clone)]
pub struct Linked<'a> {
    pub organizations: Vec<OrgBundle<'a>>,
    pub federations: Vec<Federation<'a>>,
    pub notices: Vec<InputError>,
}

/// Resolve `subs.*` links among the files: federations → organizations → services.
pub fn link(files: &[InputFile]) -> Linked<'_> {
    let index = Index::new(files);
    let mut notices = Vec::new();
    let mut federations = Vec::new();
    // (organization index, federation name, address it was listed by)
    let mut listed: Vec<(usize, String, String)> = Vec::new();
    for (i, fed) in files.iter().enumerate() {
        if fed.class != FileClass::Federation {
            continue;
        }
        let name = fed
            .props
            .get("federation.name")
            .unwrap_or("CHATONS")
            .to_string();
        let is_chatons = name.to_lowercase().contains("chatons")
            || fed
                .props
                .get("federation.website")
                .is_some_and(|w| super::values::domain(w) == "chatons.org");
        let mut entries = Vec::new();
        for (key, url, found) in subs(&index, i, files, FileClass::Organization, &mut notices) {
            if let Some((o, _)) = found {
                if is_chatons {
                    listed.push((o, name.clone(), url.clone()));
                } else if !listed.iter().any(|(j, _, _)| *j == o) {
                    listed.push((o, String::new(), url.clone()));
                }
            }
            entries.push((key, url));
        }
        federations.push(Federation {
            file: fed,
            name,
            is_chatons,
            entries,
        });
    }
    let mut claimed: Vec<(usize, usize, How)> = Vec::new(); // (service, organization, how)
    let mut organizations = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if file.class != FileClass::Organization {
            continue;
        }
        let mut services = Vec::new();
        for (_, url, found) in subs(&index, i, files, FileClass::Service, &mut notices) {
            if let Some((s, how)) = found {
                claimed.push((s, i, how));
                if let Some(f) = files.get(s) {
                    services.push(LinkedFile { file: f, url });
                }
            }
        }
        let by_fed = listed.iter().find(|(j, n, _)| *j == i && !n.is_empty());
        let any_fed = listed.iter().find(|(j, _, _)| *j == i);
        organizations.push(OrgBundle {
            organization: file,
            url: file
                .props
                .get("file.url")
                .map(str::to_string)
                .or_else(|| any_fed.map(|(_, _, u)| u.clone())),
            services,
            federation: by_fed.map(|(_, n, _)| n.clone()),
        });
    }
    unclaim_shared_by_folder(files, &claimed, &mut organizations, &mut notices);
    for (i, file) in files.iter().enumerate() {
        match file.class {
            FileClass::Service if !claimed.iter().any(|(s, _, _)| *s == i) => {
                notices.push(InputError::new(
                    &file.name,
                    0,
                    "fichier de service ignoré : aucun fichier d'organisation donné ne le cite dans ses `subs.*`",
                    "service file skipped: no given organization file lists it in its `subs.*`",
                ))
            }
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

/// A service file found by folder for two organizations sharing a folder belongs to neither:
/// it is taken back from both, with a notice. (Found by address, a service may be shared.)
fn unclaim_shared_by_folder(
    files: &[InputFile],
    claimed: &[(usize, usize, How)],
    organizations: &mut [OrgBundle],
    notices: &mut Vec<InputError>,
) {
    let mut by_folder: Vec<usize> = claimed
        .iter()
        .filter(|(_, _, h)| *h == How::Folder)
        .map(|(s, _, _)| *s)
        .collect();
    by_folder.sort_unstable();
    by_folder.dedup();
    for s in by_folder {
        let owners: Vec<&str> = claimed
            .iter()
            .filter(|(t, _, h)| *t == s && *h == How::Folder)
            .filter_map(|(_, o, _)| files.get(*o).map(|f| f.name.as_str()))
            .collect();
        let Some(service) = files.get(s).filter(|_| owners.len() > 1) else {
            continue;
        };
        for org in organizations.iter_mut() {
            org.services.retain(|l| !std::ptr::eq(l.file, service));
        }
        notices.push(InputError::new(
            &service.name,
            0,
            format!(
                "fichier de service ambigu : {} le citent et il n'a pas de `file.url` ; il n'est rattaché à aucune. Rangez les fichiers de chaque hébergeur dans son propre dossier.",
                owners.join(", ")
            ),
            format!(
                "ambiguous service file: {} all link to it and it has no `file.url`; it is attached to none. Put each host's files in a folder of its own.",
                owners.join(", ")
            ),
        ));
    }
}

/// One `subs.*` entry: key after `subs.`, URL, and the given file it resolves to with how.
type Sub = (String, String, Option<(usize, How)>);

/// Each `subs.*` entry of the file at `from` as (key, URL, the given file it resolves to when
/// that file has the class `want`), with a notice for each link that cannot be followed.
fn subs(
    index: &Index,
    from: usize,
    files: &[InputFile],
    want: FileClass,
    notices: &mut Vec<InputError>,
) -> Vec<Sub> {
    let mut out: Vec<Sub> = Vec::new();
    let Some(origin) = files.get(from) else {
        return out;
    };
    let name_of = |i: &usize| files.get(*i).map_or("?", |f| f.name.as_str());
    for (key, entry) in origin.props.with_prefix("subs.") {
        let url = entry.value.trim();
        if url.is_empty() {
            continue;
        }
        let mut note = |fr: String, en: String| {
            notices.push(InputError::new(&origin.name, entry.line, fr, en));
        };
        let found = match index.resolve(from, url) {
            Resolved::Found {
                file,
                how,
                older_copies,
            } => {
                if !older_copies.is_empty() {
                    let older: Vec<&str> = older_copies.iter().map(name_of).collect();
                    note(
                        format!(
                            "lien `{}` : plusieurs copies de {url} ; la plus récente ({}) est lue, pas {}",
                            entry.key,
                            name_of(&file),
                            older.join(", ")
                        ),
                        format!(
                            "link `{}`: several copies of {url}; the newest ({}) is read, not {}",
                            entry.key,
                            name_of(&file),
                            older.join(", ")
                        ),
                    );
                }
                match files.get(file) {
                    Some(f) if f.class == want => Some((file, how)),
                    _ => {
                        note(
                            format!(
                                "lien `{}` vers {} ignoré : ce fichier n'a pas la classe attendue",
                                entry.key,
                                name_of(&file)
                            ),
                            format!(
                                "link `{}` to {} ignored: that file is not of the expected class",
                                entry.key,
                                name_of(&file)
                            ),
                        );
                        None
                    }
                }
            }
            Resolved::Ambiguous(many) => {
                let names: Vec<&str> = many.iter().map(name_of).collect();
                note(
                    format!(
                        "lien `{}` vers {url} ambigu : {} pourraient l'être, aucun ne porte `file.url` ; aucun n'est lu. Rangez les fichiers de chaque hébergeur dans son propre dossier.",
                        entry.key,
                        names.join(", ")
                    ),
                    format!(
                        "link `{}` to {url} is ambiguous: {} could be it and none has `file.url`; none is read. Put each host's files in a folder of its own.",
                        entry.key,
                        names.join(", ")
                    ),
                );
                None
            }
            Resolved::Elsewhere(other) => {
                let names: Vec<&str> = other.iter().map(name_of).collect();
                note(
                    format!(
                        "lien `{}` vers {url} : fichier non fourni dans le dossier de cette organisation ; {} porte ce nom ailleurs mais n'est pas lu (un nom de fichier seul ne désigne pas le fichier d'un autre hébergeur)",
                        entry.key,
                        names.join(", ")
                    ),
                    format!(
                        "link `{}` to {url}: file not given in this organization's folder; {} has that name elsewhere but is not read (a file name alone does not designate another host's file)",
                        entry.key,
                        names.join(", ")
                    ),
                );
                None
            }
            Resolved::Missing => {
                note(
                    format!(
                        "lien `{}` vers {url} : fichier non fourni, ignoré",
                        entry.key
                    ),
                    format!("link `{}` to {url}: file not given, skipped", entry.key),
                );
                None
            }
        };
        if let Some((f, _)) = found
            && out.iter().any(|(_, _, g)| g.is_some_and(|(g, _)| g == f))
        {
            continue;
        }
        out.push((key.to_string(), url.to_string(), found));
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
    fn links_by_url_or_by_the_same_folder() {
        let inputs = vec![
            file(
                "fed.properties",
                "file.class = federation\nfederation.name = CHATONS\nsubs.a = https://a.example.org/.well-known/chatonsinfos/a.properties\n",
            ),
            file(
                "a.properties",
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
    fn a_bare_file_name_in_another_folder_is_not_a_link() {
        let inputs = vec![
            file(
                "fed.properties",
                "file.class = federation\nsubs.a = https://a.example.org/.well-known/chatonsinfos/organization.properties\n",
            ),
            file(
                "b/organization.properties",
                "file.class = organization\norganization.name = B\norganization.website = https://b.example.net\n",
            ),
        ];
        let files = read_files(&inputs).unwrap_or_else(|e| panic!("{e}"));
        let linked = link(&files);
        assert_eq!(linked.organizations[0].federation, None);
        let notice = linked.notices[0].message(crate::i18n::Lang::En);
        assert!(
            notice.contains("b/organization.properties has that name elsewhere but is not read"),
            "{notice}"
        );
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
