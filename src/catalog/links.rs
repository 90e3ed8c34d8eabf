//! Finding the file a `subs.<id> = URL` entry points to, among the files a trainer brought, the
//! way the ChatonsInfos format means it and never by guessing:
//!
//! 1. by address: a given file whose `file.url` is that URL (several copies of one address: the
//!    newest `file.datetime` is used, and the others are named);
//! 2. for an organization's services, by the organization's own folder: a file of that name in
//!    the folder of the organization file or below it, but not in a sub-folder that holds another
//!    organization file (another host's). YunoHost's app names every host's files
//!    `organization.properties`, `nextcloud.properties`…, so a bare file name says nothing across
//!    hosts;
//! 3. for a federation's organizations, by the site: an organization file of that name with no
//!    `file.url`, whose own `subs.*` are published in the same web folder as the URL (YunoHost
//!    publishes the organization file beside its service files), else whose
//!    `organization.website` is on the URL's domain; those are copies of one published file, and
//!    the newest is used. Failing that, a file of that name directly in the federation file's
//!    folder.
//!
//! Two candidates or more at a folder step is an ambiguity, reported with their names; nothing
//! is picked. A file of that name elsewhere is reported as such and not used.

use super::chatonsinfos::{FileClass, InputFile};

/// How a link was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Url,
    Folder,
    Site,
}

/// The outcome of resolving one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The file (index into the inputs), how it was found, and the older copies of the same
    /// address that were set aside.
    Found {
        file: usize,
        how: How,
        older_copies: Vec<usize>,
    },
    /// Several files could be it: none is used.
    Ambiguous(Vec<usize>),
    /// Files of that name exist, but outside the places this link may look: none is used.
    Elsewhere(Vec<usize>),
    Missing,
}

/// The folder part of a path as given (`a/b/c.properties` → `a/b`, `c.properties` → ``).
pub fn folder(path: &str) -> &str {
    match path.rfind(['/', '\\']) {
        Some(i) => path.get(..i).unwrap_or(""),
        None => "",
    }
}

/// The last path segment of a path or URL, without query or fragment.
pub fn last_segment(s: &str) -> &str {
    let s = s.split(['?', '#']).next().unwrap_or(s);
    let s = s.trim_end_matches(['/', '\\']);
    s.rsplit(['/', '\\']).next().unwrap_or(s)
}

/// Whether folder `inner` is `outer` or below it.
fn within(inner: &str, outer: &str) -> bool {
    outer.is_empty()
        || inner == outer
        || inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with(['/', '\\']))
}

/// The web folder of a URL (`https://a.org/x/y.properties` → `https://a.org/x`), lower-cased.
fn web_folder(url: &str) -> String {
    let url = url.trim().split(['?', '#']).next().unwrap_or("");
    match url.rfind('/') {
        Some(i) => url.get(..i).unwrap_or("").to_ascii_lowercase(),
        None => String::new(),
    }
}

fn same_url(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The files the inputs hold, with what linking needs to know about each.
pub struct Index<'a> {
    files: &'a [InputFile],
    /// Folders holding an organization file.
    org_folders: Vec<&'a str>,
}

impl<'a> Index<'a> {
    pub fn new(files: &'a [InputFile]) -> Index<'a> {
        let mut org_folders: Vec<&str> = files
            .iter()
            .filter(|f| f.class == FileClass::Organization)
            .map(|f| folder(&f.name))
            .collect();
        org_folders.sort_unstable();
        org_folders.dedup();
        Index { files, org_folders }
    }

    /// The deepest folder holding an organization file that contains `path`'s folder.
    fn owner(&self, path: &str) -> Option<&'a str> {
        let f = folder(path);
        self.org_folders
            .iter()
            .copied()
            .filter(|o| within(f, o))
            .max_by_key(|o| o.len())
    }

    /// Resolve `url`, linked from the file at `from`.
    pub fn resolve(&self, from: usize, url: &str) -> Resolved {
        let Some(origin) = self.files.get(from) else {
            return Resolved::Missing;
        };
        let by_url: Vec<usize> = self
            .indexes()
            .filter(|&i| i != from)
            .filter(|&i| {
                self.files
                    .get(i)
                    .and_then(|f| f.props.get("file.url"))
                    .is_some_and(|u| same_url(u, url))
            })
            .collect();
        if let Some(newest) = self.newest(&by_url) {
            let older_copies = by_url.iter().copied().filter(|&i| i != newest).collect();
            return Resolved::Found {
                file: newest,
                how: How::Url,
                older_copies,
            };
        }
        let name = last_segment(url);
        let named: Vec<usize> = self
            .indexes()
            .filter(|&i| i != from)
            .filter(|&i| {
                self.files.get(i).is_some_and(|f| {
                    f.props.get("file.url").is_none() && f.file_name().eq_ignore_ascii_case(name)
                })
            })
            .collect();
        if named.is_empty() {
            return Resolved::Missing;
        }
        let steps: Vec<(How, Vec<usize>)> = match origin.class {
            FileClass::Federation => {
                let site = web_folder(url);
                let mut by_site: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&i| self.published_in(i).is_some_and(|w| w == site))
                    .collect();
                if by_site.is_empty() {
                    let host = super::values::domain(url);
                    by_site = named
                        .iter()
                        .copied()
                        .filter(|&i| {
                            self.published_in(i).is_none()
                                && self.files.get(i).is_some_and(|f| {
                                    f.props
                                        .get("organization.website")
                                        .is_some_and(|w| super::values::domain(w) == host)
                                })
                        })
                        .collect();
                }
                if let Some(newest) = self.newest(&by_site) {
                    let older_copies = by_site.iter().copied().filter(|&i| i != newest).collect();
                    return Resolved::Found {
                        file: newest,
                        how: How::Site,
                        older_copies,
                    };
                }
                let here = folder(&origin.name);
                let by_folder: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&i| self.files.get(i).is_some_and(|f| folder(&f.name) == here))
                    .collect();
                vec![(How::Folder, by_folder)]
            }
            _ => {
                let own = folder(&origin.name);
                let by_folder: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&i| {
                        self.files
                            .get(i)
                            .is_some_and(|f| self.owner(&f.name) == Some(own))
                    })
                    .collect();
                vec![(How::Folder, by_folder)]
            }
        };
        for (how, found) in steps {
            match found.as_slice() {
                [] => continue,
                [one] => {
                    return Resolved::Found {
                        file: *one,
                        how,
                        older_copies: Vec::new(),
                    };
                }
                _ => return Resolved::Ambiguous(found),
            }
        }
        Resolved::Elsewhere(named)
    }

    fn indexes(&self) -> impl Iterator<Item = usize> + use<> {
        0..self.files.len()
    }

    /// The web folder an organization file's own `subs.*` point into, when they all agree.
    fn published_in(&self, i: usize) -> Option<String> {
        let f = self.files.get(i)?;
        let mut out: Option<String> = None;
        for (_, e) in f.props.with_prefix("subs.") {
            if e.value.trim().is_empty() {
                continue;
            }
            let w = web_folder(&e.value);
            match &out {
                None => out = Some(w),
                Some(o) if *o == w => {}
                Some(_) => return None,
            }
        }
        out
    }

    /// The newest of `candidates` by `file.datetime` (the first given on a tie or no date).
    fn newest(&self, candidates: &[usize]) -> Option<usize> {
        let mut best: Option<(usize, String)> = None;
        for &i in candidates {
            let stamp = self.files.get(i).map(stamp).unwrap_or_default();
            if best.as_ref().is_none_or(|(_, b)| stamp > *b) {
                best = Some((i, stamp));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// A sortable stamp of a file's `file.datetime` (`YYYY-MM-DD HH:MM:SS`), empty when absent or
/// unreadable: a dated file is newer than an undated one.
pub fn stamp(f: &InputFile) -> String {
    let Some(v) = f.props.get("file.datetime") else {
        return String::new();
    };
    let Some(day) = super::values::loose_date(v) else {
        return String::new();
    };
    let time = v
        .trim()
        .split_once(['T', ' '])
        .map(|(_, t)| t)
        .and_then(|t| {
            let hms = t.get(..8).unwrap_or(t);
            chrono::NaiveTime::parse_from_str(hms, "%H:%M:%S")
                .or_else(|_| chrono::NaiveTime::parse_from_str(t.get(..5).unwrap_or(t), "%H:%M"))
                .ok()
        })
        .map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_default();
    format!("{day} {time}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_segments() {
        assert_eq!(folder("a/b/c.properties"), "a/b");
        assert_eq!(folder("c.properties"), "");
        assert_eq!(
            last_segment("https://a.org/x/y.properties?z"),
            "y.properties"
        );
        assert!(within("a/b", "a"));
        assert!(!within("ab", "a"));
        assert!(within("x", ""));
        assert_eq!(
            web_folder("https://A.org/.well_known/chatonsinfos/n.properties"),
            "https://a.org/.well_known/chatonsinfos"
        );
    }
}
