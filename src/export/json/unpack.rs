//! A packed plan expanded back: every key replaced by what it names, traces followed along
//! their `extends`, the exact plan `pack` was given. A file is outside input: a key that names
//! nothing, an `extends` chain that loops (or runs past `MAX_CHAIN`), and a plan that would
//! weigh more than `MAX_EXPANDED` once expanded (a few kilobytes of keys can name the same big
//! entry a million times) are refused.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::MAX_BYTES;
use super::shared::{Broken, FIELDS, PER_NEED, SharedMaps, is_provider_ref, items_mut};

/// The most an expanded plan may weigh, about (a real plan: a few hundred kilobytes).
pub const MAX_EXPANDED: usize = 2 * MAX_BYTES;
/// The longest `extends` chain followed (a real plan's: a few links).
pub const MAX_CHAIN: usize = 64;

/// A trace's lists, as keys: rules, answers, profile fields, facts.
struct Lists([Option<Vec<String>>; 4]);

/// The plan with every key replaced by what it names: the exact plan `pack` was given.
pub fn unpack(plan: &Value, maps: &SharedMaps) -> Result<Value, Broken> {
    let mut x = Expander {
        maps,
        traces: HashMap::new(),
        sizes: HashMap::new(),
        left: MAX_EXPANDED,
    };
    let mut out = plan.clone();
    x.traces_in(&mut out)?;
    for reco in items_mut(&mut out, "recommendations") {
        for provider in items_mut(reco, "providers") {
            let Some(obj) = provider.as_object() else {
                continue;
            };
            if !is_provider_ref(obj) {
                continue;
            }
            let (Some(key), Some(chosen)) = (
                obj.get("provider").and_then(Value::as_str),
                obj.get("chosen").and_then(Value::as_bool),
            ) else {
                continue;
            };
            let mut entry = x.provider(key)?.clone();
            entry.insert("chosen".into(), Value::Bool(chosen));
            for f in PER_NEED {
                if let Some(v) = obj.get(f) {
                    entry.insert(f.into(), v.clone());
                }
            }
            *provider = Value::Object(entry);
        }
    }
    for host in items_mut(&mut out, "hosts") {
        let Some(obj) = host.as_object_mut() else {
            continue;
        };
        let Some(Value::String(key)) = obj.get("provider").cloned() else {
            continue;
        };
        let p = x.provider(&key)?;
        let mut fields = Vec::new();
        for f in ["id", "name", "score", "reasons", "to_check"] {
            let v = p.get(f).ok_or_else(|| missing("providers", &key))?;
            fields.push((f, v.clone()));
        }
        obj.remove("provider");
        for (f, v) in fields {
            obj.insert(f.into(), v);
        }
    }
    Ok(out)
}

fn missing(map: &'static str, key: &str) -> Broken {
    Broken::Missing {
        map,
        key: key.to_string(),
    }
}

struct Expander<'a> {
    maps: &'a SharedMaps,
    /// Each trace expanded once, with its weight.
    traces: HashMap<String, (Value, usize)>,
    /// The weight of each provider.
    sizes: HashMap<String, usize>,
    /// What the expanded plan may still weigh.
    left: usize,
}

impl Expander<'_> {
    fn spend(&mut self, n: usize) -> Result<(), Broken> {
        self.left = self.left.checked_sub(n).ok_or(Broken::TooBig)?;
        Ok(())
    }

    fn provider(&mut self, key: &str) -> Result<&Map<String, Value>, Broken> {
        let maps = self.maps;
        let p = maps
            .providers
            .get(key)
            .ok_or_else(|| missing("providers", key))?;
        let size = *self
            .sizes
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(p.clone()).to_string().len());
        self.spend(size)?;
        Ok(p)
    }

    fn traces_in(&mut self, v: &mut Value) -> Result<(), Broken> {
        match v {
            Value::Object(obj) => {
                for (k, child) in obj.iter_mut() {
                    match child {
                        Value::String(key) if k == "trace" => *child = self.trace(key)?,
                        _ => self.traces_in(child)?,
                    }
                }
            }
            Value::Array(items) => {
                for i in items {
                    self.traces_in(i)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The trace `key` in full, as the plan wrote it.
    fn trace(&mut self, key: &str) -> Result<Value, Broken> {
        if let Some((v, size)) = self.traces.get(key) {
            let (v, size) = (v.clone(), *size);
            self.spend(size)?;
            return Ok(v);
        }
        let lists = self.lists(key)?;
        let mut obj = Map::new();
        let mut size = 2;
        for (field, list) in FIELDS.iter().zip(lists.0) {
            let Some(list) = list else { continue };
            let mut items = Vec::with_capacity(list.len());
            for k in &list {
                let (item, n) = self.item(field, k)?;
                size += n;
                self.spend(n)?;
                items.push(item);
            }
            obj.insert((*field).to_string(), Value::Array(items));
        }
        let v = Value::Object(obj);
        self.traces.insert(key.to_string(), (v.clone(), size));
        Ok(v)
    }

    /// The lists of the trace `key`, following `extends` back to a whole trace.
    fn lists(&mut self, key: &str) -> Result<Lists, Broken> {
        let mut chain = Vec::new();
        let mut at = key;
        loop {
            let e = self
                .maps
                .traces
                .get(at)
                .ok_or_else(|| missing("traces", at))?;
            chain.push(e);
            match &e.extends {
                None => break,
                Some(_) if chain.len() > MAX_CHAIN => {
                    return Err(Broken::Looped {
                        key: key.to_string(),
                    });
                }
                Some(next) => at = next,
            }
        }
        let mut lists = Lists(Default::default());
        for e in chain.iter().rev() {
            for (slot, own) in lists
                .0
                .iter_mut()
                .zip([&e.rules, &e.answers, &e.profile, &e.facts])
            {
                if let Some(own) = own {
                    self.spend(own.len())?;
                    slot.get_or_insert_with(Vec::new)
                        .extend(own.iter().cloned());
                }
            }
        }
        Ok(lists)
    }

    /// The item `key` of a trace's list `field`, and about what it weighs as JSON.
    fn item(&self, field: &str, key: &str) -> Result<(Value, usize), Broken> {
        let maps = self.maps;
        match field {
            "rules" => Ok((Value::String(key.to_string()), key.len() + 3)),
            "answers" => maps
                .answers_read
                .get(key)
                .map(|a| {
                    let n = a.question.len() + a.value.len() + 26;
                    (
                        serde_json::json!({"question": a.question, "value": a.value}),
                        n,
                    )
                })
                .ok_or_else(|| missing("answers_read", key)),
            "profile" => maps
                .profile_read
                .get(key)
                .map(|p| {
                    let n = p.field.len() + p.value.len() + 23;
                    (serde_json::json!({"field": p.field, "value": p.value}), n)
                })
                .ok_or_else(|| missing("profile_read", key)),
            _ => {
                let f = maps.facts.get(key).ok_or_else(|| missing("facts", key))?;
                let source = maps
                    .sources
                    .get(&f.source)
                    .ok_or_else(|| missing("sources", &f.source))?;
                let mut obj = Map::new();
                obj.insert("fact".into(), f.fact.clone().into());
                let mut n = f.fact.len() + source.len() + f.as_of.len() + 32;
                if let Some(en) = &f.fact_en {
                    obj.insert("fact_en".into(), en.clone().into());
                    n += en.len() + 13;
                }
                obj.insert("source".into(), source.clone().into());
                obj.insert("as_of".into(), f.as_of.clone().into());
                Ok((Value::Object(obj), n))
            }
        }
    }
}
