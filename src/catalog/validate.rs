//! The rules a catalogue must keep beyond its TOML shape: unique, well-formed ids; every need,
//! tool, software and offer id referenced is defined; dates are not later than the file's
//! `as_of`; prices are consistent; every host has a source. Each broken rule becomes one error
//! placed at the offending value.

use std::collections::HashMap;

use super::date::PartialDate;
use super::error::{CatalogError, ErrorKind, IdSpace, UnknownId};
use super::files::{HostsFile, NeedsFile, OffersFile, SoftwareFile, ToolsFile};
use super::span::{Seg, Source, segs};

/// A file that parsed, with its positions.
pub struct Parsed<'a, T> {
    pub source: Source<'a>,
    pub data: T,
}

/// The files to check together. A file that failed to parse is `None`, and references into it
/// are not checked (its own errors are already reported).
pub struct Inputs<'r, 'a> {
    pub needs: Option<&'r Parsed<'a, NeedsFile>>,
    pub tools: Option<&'r Parsed<'a, ToolsFile>>,
    pub software: Option<&'r Parsed<'a, SoftwareFile>>,
    pub offers: Option<&'r Parsed<'a, OffersFile>>,
    pub hosts: Vec<&'r Parsed<'a, HostsFile>>,
}

pub(super) struct Checker<'r> {
    needs: Option<Vec<&'r str>>,
    tools: Option<Vec<&'r str>>,
    software: Option<Vec<&'r str>>,
    offers: Option<Vec<&'r str>>,
    /// The needs each software serves, its apps' included (`part_of`).
    pub(super) software_needs: Option<HashMap<&'r str, Vec<&'r str>>>,
    errors: &'r mut Vec<CatalogError>,
}

/// Check every rule; errors are appended to `errors`.
pub fn validate(inputs: &Inputs, errors: &mut Vec<CatalogError>) {
    let mut c = Checker {
        needs: inputs
            .needs
            .map(|p| p.data.need.iter().map(|n| n.id.as_str()).collect()),
        tools: inputs
            .tools
            .map(|p| p.data.tool.iter().map(|t| t.id.as_str()).collect()),
        software: inputs
            .software
            .map(|p| p.data.software.iter().map(|s| s.id.as_str()).collect()),
        offers: inputs
            .offers
            .map(|p| p.data.offer.iter().map(|o| o.id.as_str()).collect()),
        software_needs: inputs.software.map(|p| software_needs(&p.data)),
        errors,
    };
    if let Some(p) = inputs.needs {
        c.needs_file(p);
    }
    if let Some(p) = inputs.tools {
        c.tools_file(p);
    }
    if let Some(p) = inputs.software {
        c.software_file(p);
    }
    if let (Some(t), Some(s)) = (inputs.tools, inputs.software) {
        c.one_namespace(t, s);
    }
    if let Some(p) = inputs.offers {
        c.offers_file(p);
    }
    for p in &inputs.hosts {
        c.hosts_file(p);
    }
}

fn software_needs(file: &SoftwareFile) -> HashMap<&str, Vec<&str>> {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for s in &file.software {
        let needs = s.needs.iter().map(String::as_str);
        map.entry(s.id.as_str()).or_default().extend(needs.clone());
        if let Some(parent) = &s.part_of {
            map.entry(parent.as_str()).or_default().extend(needs);
        }
    }
    map
}

fn join<'x>(a: &Option<Vec<&'x str>>, b: &Option<Vec<&'x str>>) -> Option<Vec<&'x str>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.iter().chain(b.iter()).copied().collect()),
        _ => None,
    }
}

/// Ids are lowercase ASCII letters, digits and inner hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Checker<'_> {
    pub(super) fn push(
        &mut self,
        kind: ErrorKind,
        src: &Source,
        at: &[Seg],
        fr: String,
        en: String,
    ) {
        self.errors
            .push(CatalogError::new(kind, src.locate(at), fr, en));
    }

    pub(super) fn known(&self, space: IdSpace) -> Option<Vec<&str>> {
        match space {
            IdSpace::Need => self.needs.clone(),
            IdSpace::Tool => self.tools.clone(),
            IdSpace::Software => self.software.clone(),
            IdSpace::ToolOrSoftware => join(&self.tools, &self.software),
            IdSpace::Offer => self.offers.clone(),
            IdSpace::OfferOrSoftware => join(&self.offers, &self.software),
            IdSpace::Host => None,
        }
    }

    pub(super) fn reference(&mut self, src: &Source, at: &[Seg], id: &str, space: IdSpace) {
        let Some(known) = self.known(space) else {
            return;
        };
        if !known.contains(&id) {
            let (fr, en) = UnknownId::new(id, known.iter().copied()).texts(space);
            self.push(ErrorKind::UnknownId, src, at, fr, en);
        }
    }

    pub(super) fn references(&mut self, src: &Source, at: &[Seg], ids: &[String], space: IdSpace) {
        for (i, id) in ids.iter().enumerate() {
            let mut p = at.to_vec();
            p.push(Seg::Index(i));
            self.reference(src, &p, id, space);
        }
    }

    /// Ids well-formed and unique within `table` (and, with `also`, not among `also`).
    pub(super) fn ids(&mut self, src: &Source, table: &str, ids: &[&str], space: IdSpace) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let at = segs![table, i, "id"];
            if !is_valid_id(id) {
                self.push(
                    ErrorKind::Invalid,
                    src,
                    at,
                    format!("identifiant `{id}` invalide : utilisez des minuscules, des chiffres et des tirets (ex. `file-sharing`)"),
                    format!("invalid id `{id}`: use lowercase letters, digits and hyphens (e.g. `file-sharing`)"),
                );
            }
            if let Some(&j) = first.get(id) {
                let line = src.locate(segs![table, j, "id"]).line;
                self.push(
                    ErrorKind::DuplicateId,
                    src,
                    at,
                    format!("identifiant {} `{id}` en double (déjà défini ligne {line}) ; renommez ou supprimez l'un des deux", space.fr()),
                    format!("duplicate {} id `{id}` (already defined at line {line}); rename or remove one of them", space.en()),
                );
            } else {
                first.insert(id, i);
            }
        }
    }

    pub(super) fn not_after(
        &mut self,
        src: &Source,
        at: &[Seg],
        key: &str,
        date: &PartialDate,
        as_of: &PartialDate,
    ) {
        if date.is_after(as_of) {
            self.push(
                ErrorKind::BadDate,
                src,
                at,
                format!("la date `{key}` {date} est postérieure à la date `as_of` du fichier ({as_of}) ; corrigez l'une ou l'autre"),
                format!("date `{key}` {date} is later than the file's `as_of` ({as_of}); fix one or the other"),
            );
        }
    }

    pub(super) fn source_given(&mut self, src: &Source, at: &[Seg], source: &str) {
        if source.trim().is_empty() {
            self.push(
                ErrorKind::Invalid,
                src,
                at,
                "source vide : indiquez l'adresse ou le document d'où vient ce fait".into(),
                "empty source: give the address or document this fact comes from".into(),
            );
        }
    }

    fn needs_file(&mut self, p: &Parsed<NeedsFile>) {
        let ids: Vec<&str> = p.data.need.iter().map(|n| n.id.as_str()).collect();
        self.ids(&p.source, "need", &ids, IdSpace::Need);
    }

    fn tools_file(&mut self, p: &Parsed<ToolsFile>) {
        let ids: Vec<&str> = p.data.tool.iter().map(|t| t.id.as_str()).collect();
        self.ids(&p.source, "tool", &ids, IdSpace::Tool);
        for (i, t) in p.data.tool.iter().enumerate() {
            self.non_empty(&p.source, segs!["tool", i, "needs"], &t.needs, &t.id);
            self.references(
                &p.source,
                segs!["tool", i, "needs"],
                &t.needs,
                IdSpace::Need,
            );
        }
    }

    pub(super) fn non_empty(&mut self, src: &Source, at: &[Seg], list: &[String], id: &str) {
        if list.is_empty() {
            self.push(
                ErrorKind::Invalid,
                src,
                at,
                format!("`{id}` ne sert aucun besoin : ajoutez au moins un identifiant de besoin à `needs`"),
                format!("`{id}` serves no need: add at least one need id to `needs`"),
            );
        }
    }

    fn software_file(&mut self, p: &Parsed<SoftwareFile>) {
        let src = &p.source;
        let ids: Vec<&str> = p.data.software.iter().map(|s| s.id.as_str()).collect();
        self.ids(src, "software", &ids, IdSpace::Software);
        for (i, s) in p.data.software.iter().enumerate() {
            self.non_empty(src, segs!["software", i, "needs"], &s.needs, &s.id);
            self.references(src, segs!["software", i, "needs"], &s.needs, IdSpace::Need);
            if let Some(parent) = &s.part_of {
                self.reference(
                    src,
                    segs!["software", i, "part_of"],
                    parent,
                    IdSpace::Software,
                );
            }
            if let Some(p) = &s.platforms {
                self.references(
                    src,
                    segs!["software", i, "platforms", "os"],
                    &p.os,
                    IdSpace::ToolOrSoftware,
                );
                self.non_empty(src, segs!["software", i, "platforms", "os"], &p.os, &s.id);
            }
            let mut seen: Vec<&str> = Vec::new();
            for (j, m) in s.migrations.iter().enumerate() {
                let at = segs!["software", i, "migrations", j, "from"];
                self.reference(src, at, &m.from, IdSpace::ToolOrSoftware);
                self.references(
                    src,
                    segs!["software", i, "migrations", j, "needs"],
                    &m.needs,
                    IdSpace::Need,
                );
                if seen.contains(&m.from.as_str()) {
                    self.push(
                        ErrorKind::DuplicateId,
                        src,
                        at,
                        format!(
                            "migration depuis `{}` en double pour `{}` ; fusionnez les deux",
                            m.from, s.id
                        ),
                        format!(
                            "duplicate migration from `{}` for `{}`; merge the two",
                            m.from, s.id
                        ),
                    );
                }
                seen.push(&m.from);
            }
        }
    }

    /// Tools and software share one namespace: an id may not be both.
    fn one_namespace(&mut self, tools: &Parsed<ToolsFile>, software: &Parsed<SoftwareFile>) {
        for (i, s) in software.data.software.iter().enumerate() {
            if let Some(t) = tools.data.tool.iter().position(|t| t.id == s.id) {
                let other = tools.source.locate(segs!["tool", t, "id"]);
                self.push(
                    ErrorKind::DuplicateId,
                    &software.source,
                    segs!["software", i, "id"],
                    format!("`{}` est à la fois un outil ({other}) et un logiciel : outils et logiciels partagent un seul espace d'identifiants, renommez l'un des deux", s.id),
                    format!("`{}` is both a tool ({other}) and a software: tools and software share one id namespace, rename one of them", s.id),
                );
            }
        }
    }
}
