//! What a packed plan cites, each thing once: the maps of a schema-2 export (`pack` fills
//! them, `unpack` reads them), their entries, and why a packed plan can fail to expand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// One trace as written: keys into the other maps, and optionally the trace it continues.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Vec<String>>,
}

/// An answer a rule read (question id and value, as in the plan).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerEntry {
    pub question: String,
    pub value: String,
}

/// A profile field a rule read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileEntry {
    pub field: String,
    pub value: String,
}

/// A dated catalogue fact; `source` is a key of `sources`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    pub fact: String,
    /// The fact in English, when the plan gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact_en: Option<String>,
    pub source: String,
    pub as_of: String,
}

/// A map written in the order its entries were first met (keys `a1`, `a2`, … read in order),
/// read back as a `BTreeMap`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// What the plan cites, each once, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    pub providers: Ordered<Map<String, Value>>,
    pub traces: Ordered<TraceEntry>,
    pub answers_read: Ordered<AnswerEntry>,
    pub profile_read: Ordered<ProfileEntry>,
    pub facts: Ordered<FactEntry>,
    pub sources: Ordered<String>,
}

/// What the plan cites, as read back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharedMaps {
    pub providers: BTreeMap<String, Map<String, Value>>,
    pub traces: BTreeMap<String, TraceEntry>,
    pub answers_read: BTreeMap<String, AnswerEntry>,
    pub profile_read: BTreeMap<String, ProfileEntry>,
    pub facts: BTreeMap<String, FactEntry>,
    pub sources: BTreeMap<String, String>,
}

impl Shared {
    /// The same maps, keyed for lookup.
    pub fn maps(&self) -> SharedMaps {
        fn m<T: Clone>(o: &Ordered<T>) -> BTreeMap<String, T> {
            o.0.iter().cloned().collect()
        }
        SharedMaps {
            providers: m(&self.providers),
            traces: m(&self.traces),
            answers_read: m(&self.answers_read),
            profile_read: m(&self.profile_read),
            facts: m(&self.facts),
            sources: m(&self.sources),
        }
    }
}

/// Why a packed plan cannot be expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// A key that names nothing in that map (`traces`, `providers`, …).
    Missing { map: &'static str, key: String },
    /// The `extends` chain from this trace loops, or runs past `unpack::MAX_CHAIN` links.
    Looped { key: String },
    /// The plan would weigh more than `unpack::MAX_EXPANDED` once expanded.
    TooBig,
}

/// The lists of a trace, in the order they are written.
pub(super) const FIELDS: [&str; 4] = ["rules", "answers", "profile", "facts"];

/// The items of the plan's list `key` (none when it is not a list).
pub(super) fn items_mut<'a>(plan: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    plan.get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// The fields of a recommendation's provider that belong to that one need (the software it
/// runs for it, its service there, why it is held back, members only): kept beside the key
/// instead of making a new `providers` entry per need.
pub const PER_NEED: [&str; 4] = ["software", "service", "held_back", "members_only"];

/// `{"provider": KEY, "chosen": BOOL}` and per-need fields: a packed provider reference.
pub fn is_provider_ref(o: &serde_json::Map<String, serde_json::Value>) -> bool {
    o.get("provider").is_some_and(serde_json::Value::is_string)
        && o.get("chosen").is_some_and(serde_json::Value::is_boolean)
        && o.keys()
            .all(|k| k == "provider" || k == "chosen" || PER_NEED.contains(&k.as_str()))
}
