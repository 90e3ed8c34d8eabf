//! The plan of a schema-2 export with what it repeats written once. A plan names the same
//! provider under every need it could take, and every item carries a trace that cites the same
//! answers, profile fields and dated facts (with their long sources) again and again. Here each
//! of those goes once into a map keyed by id — `providers`, `traces`, `answers_read`,
//! `profile_read`, `facts`, `sources` — and the plan refers to it:
//!
//! - `recommendations[].providers[]` becomes `{"provider": KEY, "chosen": BOOL}` plus the
//!   fields that belong to that one need (`PER_NEED`: software, service, held back);
//! - `hosts[]` loses `id`, `name`, `score`, `reasons` and `to_check` for `"provider": KEY` when
//!   they are those of that provider;
//! - every `"trace": {…}` becomes `"trace": KEY`; a trace lists keys of answers, profile fields
//!   and facts, and may start from an earlier one (`extends`: each list is the other's, then its
//!   own). A fact names its source by key.
//!
//! `pack` works on the plan's JSON as it is and touches only those exact shapes; it refuses a
//! plan that already holds what `unpack` would take for a key (a `"trace"` that is a string, a
//! provider written `{"provider", "chosen"}`, a host with a `"provider"`), so `unpack` gives
//! back exactly what it was given (checked in debug builds, and by the tests on every fixture
//! plan).

use std::collections::HashMap;
use std::hash::Hash;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::shared::{
    AnswerEntry, FIELDS, FactEntry, Ordered, PER_NEED, ProfileEntry, Shared, TraceEntry,
    is_provider_ref, items_mut,
};

pub use super::shared::{Broken, SharedMaps};
pub use super::unpack::{MAX_CHAIN, MAX_EXPANDED, unpack};

/// Interns values of one kind: the first time a value is met it gets the next number; its key
/// is the prefix and that number plus one.
struct Interner<T> {
    prefix: &'static str,
    entries: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T: Clone + Eq + Hash> Interner<T> {
    fn new(prefix: &'static str) -> Self {
        Interner {
            prefix,
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn id(&mut self, value: T) -> u32 {
        if let Some(&i) = self.index.get(&value) {
            return i;
        }
        let i = self.entries.len() as u32;
        self.index.insert(value.clone(), i);
        self.entries.push(value);
        i
    }

    fn key(&self, i: u32) -> String {
        format!("{}{}", self.prefix, i + 1)
    }

    fn into_map(self) -> Ordered<T> {
        let prefix = self.prefix;
        Ordered(
            self.entries
                .into_iter()
                .enumerate()
                .map(|(i, v)| (format!("{prefix}{}", i + 1), v))
                .collect(),
        )
    }
}

/// A trace's lists as numbers of the interners: rules, answers, profile fields, facts.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Ids([Option<Vec<u32>>; 4]);

/// Providers keyed by their id, `id#2`, `id#3`… when the same id comes with other content.
#[derive(Default)]
struct Providers {
    entries: Vec<(String, Map<String, Value>)>,
    by_id: HashMap<String, Vec<usize>>,
}

impl Providers {
    fn key(&mut self, id: &str, entry: Map<String, Value>) -> String {
        let same = self.by_id.entry(id.to_string()).or_default();
        if let Some(&i) = same.iter().find(|&&i| self.entries[i].1 == entry) {
            return self.entries[i].0.clone();
        }
        let taken = |k: &str| self.entries.iter().any(|(e, _)| e == k);
        let mut key = id.to_string();
        let mut n = 2;
        while taken(&key) {
            key = format!("{id}#{n}");
            n += 1;
        }
        same.push(self.entries.len());
        self.entries.push((key.clone(), entry));
        key
    }
}

/// How far back a trace looks for one to continue (a plan has about a hundred traces).
const LOOK_BACK: usize = 512;

struct Packer {
    providers: Providers,
    rules: Interner<String>,
    answers: Interner<AnswerEntry>,
    profile: Interner<ProfileEntry>,
    facts: Interner<FactEntry>,
    sources: Interner<String>,
    /// Every trace as written, and in full (the candidates to continue), by number.
    traces: Vec<TraceEntry>,
    full: Vec<Ids>,
    full_index: HashMap<Ids, u32>,
}

/// The plan with its repetitions replaced by keys, and the maps they point into. `None` when
/// the plan already holds a shape `unpack` would read as a key (never in a plan of `plan::plan`).
pub fn pack(plan: Value) -> Option<(Value, Shared)> {
    if looks_packed(&plan) {
        return None;
    }
    #[cfg(debug_assertions)]
    let original = plan.clone();
    let mut p = Packer {
        providers: Providers::default(),
        rules: Interner::new(""),
        answers: Interner::new("a"),
        profile: Interner::new("p"),
        facts: Interner::new("f"),
        sources: Interner::new("s"),
        traces: Vec::new(),
        full: Vec::new(),
        full_index: HashMap::new(),
    };
    let mut out = plan;
    p.pack_providers(&mut out);
    p.pack_hosts(&mut out);
    p.pack_traces(&mut out);
    let shared = Shared {
        providers: Ordered(p.providers.entries),
        traces: Ordered(
            (p.traces.into_iter().enumerate())
                .map(|(i, t)| (format!("t{}", i + 1), t))
                .collect(),
        ),
        answers_read: p.answers.into_map(),
        profile_read: p.profile.into_map(),
        facts: p.facts.into_map(),
        sources: p.sources.into_map(),
    };
    #[cfg(debug_assertions)]
    debug_assert_eq!(unpack(&out, &shared.maps()), Ok(original));
    Some((out, shared))
}

/// Whether `plan` already holds what `unpack` expands: a string `trace`, a recommended
/// provider that is exactly `{"provider": string, "chosen": bool}`, a host with a `provider`.
fn looks_packed(plan: &Value) -> bool {
    fn string_trace(v: &Value) -> bool {
        match v {
            Value::Object(m) => m
                .iter()
                .any(|(k, x)| (k == "trace" && x.is_string()) || string_trace(x)),
            Value::Array(items) => items.iter().any(string_trace),
            _ => false,
        }
    }
    fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
        v.get(key)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }
    let provider_ref = |p: &Value| p.as_object().is_some_and(is_provider_ref);
    string_trace(plan)
        || list(plan, "recommendations")
            .iter()
            .any(|r| list(r, "providers").iter().any(provider_ref))
        || list(plan, "hosts")
            .iter()
            .any(|h| h.get("provider").is_some())
}

impl Packer {
    fn pack_providers(&mut self, plan: &mut Value) {
        for reco in items_mut(plan, "recommendations") {
            for provider in items_mut(reco, "providers") {
                let Some(obj) = provider.as_object() else {
                    continue;
                };
                let (Some(id), Some(chosen)) = (
                    obj.get("id").and_then(Value::as_str),
                    obj.get("chosen").and_then(Value::as_bool),
                ) else {
                    continue;
                };
                let id = id.to_string();
                let mut entry = obj.clone();
                entry.remove("chosen");
                let mut inline = Map::new();
                for f in PER_NEED {
                    if let Some(v) = entry.remove(f) {
                        inline.insert(f.to_string(), v);
                    }
                }
                let key = self.providers.key(&id, entry);
                inline.insert("provider".into(), Value::String(key));
                inline.insert("chosen".into(), Value::Bool(chosen));
                *provider = Value::Object(inline);
            }
        }
    }

    fn pack_hosts(&mut self, plan: &mut Value) {
        const SAME: [&str; 5] = ["id", "name", "score", "reasons", "to_check"];
        for host in items_mut(plan, "hosts") {
            let Some(obj) = host.as_object_mut() else {
                continue;
            };
            let found = self.providers.entries.iter().find(|(_, p)| {
                SAME.iter()
                    .all(|f| p.get(*f).is_some() && p.get(*f) == obj.get(*f))
            });
            if let Some((key, _)) = found {
                for f in SAME {
                    obj.remove(f);
                }
                obj.insert("provider".into(), Value::String(key.clone()));
            }
        }
    }

    fn pack_traces(&mut self, v: &mut Value) {
        match v {
            Value::Object(obj) => {
                for (k, child) in obj.iter_mut() {
                    if k == "trace"
                        && let Some(key) = self.trace(child)
                    {
                        *child = Value::String(key);
                    } else {
                        self.pack_traces(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.pack_traces(i)),
            _ => {}
        }
    }

    /// The key of a trace, `None` when `v` is not exactly a trace.
    fn trace(&mut self, v: &Value) -> Option<String> {
        let obj = v.as_object()?;
        if obj.keys().any(|k| !FIELDS.contains(&k.as_str())) {
            return None;
        }
        let rules: Option<Vec<String>> = decode(obj.get("rules"))?;
        let answers: Option<Vec<AnswerEntry>> = decode(obj.get("answers"))?;
        let profile: Option<Vec<ProfileEntry>> = decode(obj.get("profile"))?;
        let facts: Option<Vec<FactEntry>> = decode(obj.get("facts"))?;
        let ids = Ids([
            rules.map(|l| l.into_iter().map(|r| self.rules.id(r)).collect()),
            answers.map(|l| l.into_iter().map(|a| self.answers.id(a)).collect()),
            profile.map(|l| l.into_iter().map(|p| self.profile.id(p)).collect()),
            facts.map(|l| {
                l.into_iter()
                    .map(|f| {
                        let source = self.sources.id(f.source);
                        let source = self.sources.key(source);
                        self.facts.id(FactEntry { source, ..f })
                    })
                    .collect()
            }),
        ]);
        let i = match self.full_index.get(&ids) {
            Some(&i) => i,
            None => {
                let i = self.traces.len() as u32;
                self.traces.push(self.entry(&ids));
                self.full_index.insert(ids.clone(), i);
                self.full.push(ids);
                i
            }
        };
        Some(format!("t{}", i + 1))
    }

    /// The trace as written: continuing the earlier trace it shares the longest start with
    /// (at least two items), else whole.
    fn entry(&self, ids: &Ids) -> TraceEntry {
        let covered = |base: &Ids| -> Option<usize> {
            let mut n = 0;
            for (b, l) in base.0.iter().zip(&ids.0) {
                match (b, l) {
                    (None, _) => {}
                    (Some(b), Some(l)) if l.starts_with(b) => n += b.len(),
                    _ => return None,
                }
            }
            Some(n)
        };
        let start = self.full.len().saturating_sub(LOOK_BACK);
        let mut best: Option<(usize, usize)> = None;
        for (i, cand) in self.full.iter().enumerate().skip(start) {
            if let Some(n) = covered(cand)
                && n >= 2
                && best.is_none_or(|(m, _)| n > m)
            {
                best = Some((n, i));
            }
        }
        let own: [Option<&[u32]>; 4] = match best {
            None => std::array::from_fn(|f| ids.0[f].as_deref()),
            Some((_, b)) => std::array::from_fn(|f| match (&self.full[b].0[f], &ids.0[f]) {
                (Some(b), Some(l)) if l.len() > b.len() => Some(&l[b.len()..]),
                (None, Some(l)) => Some(l.as_slice()),
                _ => None,
            }),
        };
        let names = |l: Option<&[u32]>, key: &dyn Fn(u32) -> String| {
            l.map(|l| l.iter().map(|&i| key(i)).collect())
        };
        TraceEntry {
            extends: best.map(|(_, b)| format!("t{}", b + 1)),
            rules: names(own[0], &|i| self.rules.entries[i as usize].clone()),
            answers: names(own[1], &|i| self.answers.key(i)),
            profile: names(own[2], &|i| self.profile.key(i)),
            facts: names(own[3], &|i| self.facts.key(i)),
        }
    }
}

/// A trace's list read as `T`s: `Some(None)` when absent, `None` when it is not exactly a list
/// of `T`.
fn decode<T: for<'de> Deserialize<'de>>(v: Option<&Value>) -> Option<Option<Vec<T>>> {
    match v {
        None => Some(None),
        Some(Value::Array(l)) => l
            .iter()
            .map(|x| T::deserialize(x).ok())
            .collect::<Option<Vec<T>>>()
            .map(Some),
        Some(_) => None,
    }
}
