//! The plan of a schema-2 export with what it repeats written once. A plan names the same
//! provider under every need it could take, and every item carries a trace that cites the same
//! answers, profile fields and dated facts (with their long sources) again and again. Here each
//! of those goes once into a map keyed by id — `providers`, `traces`, `answers_read`,
//! `profile_read`, `facts`, `sources` — and the plan refers to it:
//!
//! - `recommendations[].providers[]` becomes `{"provider": KEY, "chosen": BOOL}`;
//! - `hosts[]` loses `id`, `name`, `score`, `reasons` and `to_check` for `"provider": KEY` when
//!   they are those of that provider;
//! - every `"trace": {…}` becomes `"trace": KEY`; a trace lists keys of answers, profile fields
//!   and facts, and may start from an earlier one (`extends`: each list is the other's, then its
//!   own). A fact names its source by key.
//!
//! `pack` works on the plan's JSON as it is, touches only those shapes, and checks that
//! `unpack` gives back exactly what it was given: nothing can be lost silently.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::shared::{
    AnswerEntry, FIELDS, FactEntry, Lists, Ordered, ProfileEntry, Shared, TraceEntry, items_mut,
};

pub use super::shared::{Broken, SharedMaps};
pub use super::unpack::{MAX_CHAIN, MAX_EXPANDED, unpack};

/// Interns values of one kind: the first time a value is met it gets the next key.
struct Interner<T> {
    prefix: &'static str,
    entries: Vec<(String, T)>,
    index: HashMap<String, usize>,
}

impl<T: Serialize> Interner<T> {
    fn new(prefix: &'static str) -> Self {
        Interner {
            prefix,
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// The key of `value`, `base` (or `base#2`, `base#3`, … when taken) for a new one, else
    /// the prefix and a number.
    fn key(&mut self, value: T, base: Option<&str>) -> String {
        // Strings and JSON values always serialise; their text is the value's identity.
        let canon = serde_json::to_string(&value).unwrap_or_default();
        if let Some(&i) = self.index.get(&canon) {
            return self.entries[i].0.clone();
        }
        let key = match base {
            Some(b) => {
                let taken = |k: &str| self.entries.iter().any(|(e, _)| e == k);
                let mut k = b.to_string();
                let mut n = 2;
                while taken(&k) {
                    k = format!("{b}#{n}");
                    n += 1;
                }
                k
            }
            None => format!("{}{}", self.prefix, self.entries.len() + 1),
        };
        self.index.insert(canon, self.entries.len());
        self.entries.push((key.clone(), value));
        key
    }
}

/// How far back a trace looks for one to continue (a plan has about a hundred traces).
const LOOK_BACK: usize = 512;

struct Packer {
    providers: Interner<Map<String, Value>>,
    answers: Interner<AnswerEntry>,
    profile: Interner<ProfileEntry>,
    facts: Interner<FactEntry>,
    sources: Interner<String>,
    traces: Interner<TraceEntry>,
    /// Every trace met, in full, with its key: the candidates to continue.
    full: Vec<(String, Lists)>,
    full_index: HashMap<String, String>,
}

/// The plan with its repetitions replaced by keys, and the maps they point into. `None` when
/// the result would not expand back to exactly `plan` (a plan shape this format does not know).
pub fn pack(plan: &Value) -> Option<(Value, Shared)> {
    let mut p = Packer {
        providers: Interner::new(""),
        answers: Interner::new("a"),
        profile: Interner::new("p"),
        facts: Interner::new("f"),
        sources: Interner::new("s"),
        traces: Interner::new("t"),
        full: Vec::new(),
        full_index: HashMap::new(),
    };
    let mut out = plan.clone();
    p.pack_providers(&mut out);
    p.pack_hosts(&mut out);
    p.pack_traces(&mut out);
    let shared = Shared {
        providers: Ordered(p.providers.entries),
        traces: Ordered(p.traces.entries),
        answers_read: Ordered(p.answers.entries),
        profile_read: Ordered(p.profile.entries),
        facts: Ordered(p.facts.entries),
        sources: Ordered(p.sources.entries),
    };
    match unpack(&out, &shared.maps()) {
        Ok(back) if &back == plan => Some((out, shared)),
        _ => None,
    }
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
                let key = self.providers.key(entry, Some(&id));
                *provider = serde_json::json!({"provider": key, "chosen": chosen});
            }
        }
    }

    fn pack_hosts(&mut self, plan: &mut Value) {
        const SAME: [&str; 5] = ["id", "name", "score", "reasons", "to_check"];
        for host in items_mut(plan, "hosts") {
            let Some(obj) = host.as_object_mut() else {
                continue;
            };
            if obj.contains_key("provider") {
                continue;
            }
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
        let lists = Lists([
            rules,
            answers.map(|l| l.into_iter().map(|a| self.answers.key(a, None)).collect()),
            profile.map(|l| l.into_iter().map(|p| self.profile.key(p, None)).collect()),
            facts.map(|l| {
                l.into_iter()
                    .map(|f| {
                        let source = self.sources.key(f.source, None);
                        self.facts.key(FactEntry { source, ..f }, None)
                    })
                    .collect()
            }),
        ]);
        let canon = serde_json::to_string(&lists).unwrap_or_default();
        if let Some(k) = self.full_index.get(&canon) {
            return Some(k.clone());
        }
        let entry = self.entry(&lists);
        let key = self.traces.key(entry, None);
        self.full_index.insert(canon, key.clone());
        self.full.push((key.clone(), lists));
        Some(key)
    }

    /// The trace as written: continuing the earlier trace it shares the longest start with
    /// (at least two items), else whole.
    fn entry(&self, lists: &Lists) -> TraceEntry {
        let covered = |base: &Lists| -> Option<usize> {
            let mut n = 0;
            for (b, l) in base.0.iter().zip(&lists.0) {
                match (b, l) {
                    (None, _) => {}
                    (Some(b), Some(l)) if l.starts_with(b) => n += b.len(),
                    _ => return None,
                }
            }
            Some(n)
        };
        let start = self.full.len().saturating_sub(LOOK_BACK);
        let mut best: Option<(usize, &(String, Lists))> = None;
        for cand in &self.full[start..] {
            if let Some(n) = covered(&cand.1)
                && n >= 2
                && best.is_none_or(|(m, _)| n > m)
            {
                best = Some((n, cand));
            }
        }
        let [rules, answers, profile, facts] = match best {
            None => lists.0.clone(),
            Some((_, (_, base))) => {
                let mut own: [Option<Vec<String>>; 4] = Default::default();
                for (i, (b, l)) in base.0.iter().zip(&lists.0).enumerate() {
                    own[i] = match (b, l) {
                        (Some(b), Some(l)) if l.len() > b.len() => Some(l[b.len()..].to_vec()),
                        (None, Some(l)) => Some(l.clone()),
                        _ => None,
                    };
                }
                own
            }
        };
        TraceEntry {
            extends: best.map(|(_, (k, _))| k.clone()),
            rules,
            answers,
            profile,
            facts,
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
