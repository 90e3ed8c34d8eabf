//! The questionnaire's expressions (`relevant`, `constraint`, see `questionnaires/README.md`)
//! written in XLSForm's XPath, keeping diagasso's meaning where the two differ:
//!
//! - « je ne sais pas » and « non concerné » are choices in the XLSForm (`dont_know`,
//!   `not_applicable`; for numbers and texts, a companion question `<id>_dk` that hides the
//!   field): diagasso reads them as *no value*, so `count-selected` leaves them out, `answered`
//!   excludes them, and `dont-know(${q})` becomes a test of that choice;
//! - diagasso says every comparison with no value is false, `!=` included, where XPath says
//!   `'' != 1` is true: a `!=` is guarded by the answers it reads being there;
//! - a yes/no question is a `select_one` with `yes`/`no`, so `true()`, `'oui'`… compare as
//!   `'yes'`/`'no'`; comparing a multiple choice with a value is false in diagasso, so it is
//!   written `false()`.
//!
//! Pure text to text; `xlsform` calls it for every expression of the questionnaire.

use crate::audit::format_number;
use crate::questionnaire::expr::{BinOp, Node};
use crate::questionnaire::{Kind, Question, Questionnaire};

/// The choice standing for « je ne sais pas » in every list of the XLSForm.
pub const DONT_KNOW: &str = "dont_know";
/// The choice standing for « non concerné », where the question offers it.
pub const NOT_APPLICABLE: &str = "not_applicable";
/// Suffix of the companion question that carries « je ne sais pas » for a number or a text.
pub const COMPANION: &str = "_dk";

/// Whether a question's kind is a list in the XLSForm (so « je ne sais pas » is one of its
/// choices) rather than a field with a companion question.
pub fn is_list(kind: Kind) -> bool {
    !matches!(kind, Kind::Number | Kind::Text)
}

/// The type a value has once written in XPath.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Num,
    Str,
    /// A yes/no question: `'yes'` or `'no'` in the form.
    YesNo,
    Bool,
    /// A multiple choice: a space-separated list in the form.
    Set,
}

/// Writes one expression; `current` is the question a constraint belongs to (`.`).
pub struct Writer<'a> {
    pub questionnaire: &'a Questionnaire,
    pub current: Option<&'a Question>,
}

impl Writer<'_> {
    /// The expression as an XPath condition.
    pub fn condition(&self, node: &Node) -> String {
        self.boolean(node)
    }

    fn kind(&self, id: &str) -> Option<&Question> {
        self.questionnaire.question(id)
    }

    fn reference(id: &str) -> String {
        format!("${{{id}}}")
    }

    /// The XPath test that question `id` (or `.`) holds a real value.
    fn has(&self, node: &Node) -> Option<String> {
        let (r, q) = match node {
            Node::Ref(id) => (Self::reference(id), self.kind(id)?),
            Node::Current => (".".to_string(), self.current?),
            _ => return None,
        };
        Some(has_value(&r, q))
    }

    fn boolean(&self, node: &Node) -> String {
        match node {
            Node::Bool(true) => "true()".into(),
            Node::Bool(false) => "false()".into(),
            Node::Num(n) => bool_literal(*n != 0.0 && !n.is_nan()),
            Node::Str(s) => bool_literal(!s.is_empty()),
            Node::Not(inner) => format!("not({})", self.boolean(inner)),
            Node::Binary(BinOp::And, a, b) => {
                format!("({} and {})", self.boolean(a), self.boolean(b))
            }
            Node::Binary(BinOp::Or, a, b) => {
                format!("({} or {})", self.boolean(a), self.boolean(b))
            }
            Node::Binary(op, a, b) if is_comparison(*op) => self.comparison(*op, a, b),
            Node::Selected(id, choice) => {
                format!("selected({}, {})", Self::reference(id), quote(choice))
            }
            Node::Answered(id) => match self.kind(id) {
                Some(q) => has_value(&Self::reference(id), q),
                None => "false()".into(),
            },
            Node::DontKnow(id) => match self.kind(id) {
                Some(q) if is_list(q.kind) => {
                    format!("selected({}, '{DONT_KNOW}')", Self::reference(id))
                }
                Some(_) => format!("selected(${{{id}{COMPANION}}}, '{DONT_KNOW}')"),
                None => "false()".into(),
            },
            Node::Ref(_) | Node::Current => {
                let (text, ty) = self.value(node);
                let Some(has) = self.has(node) else {
                    return "false()".into();
                };
                match ty {
                    Ty::YesNo => format!("{text} = 'yes'"),
                    Ty::Num => format!("({has} and {text} != 0)"),
                    _ => has,
                }
            }
            // Arithmetic or count-selected read as a truth value: not zero, and defined.
            _ => {
                let (text, _) = self.value(node);
                let guards = self.guards(node);
                join_and(guards, format!("{text} != 0"))
            }
        }
    }

    fn value(&self, node: &Node) -> (String, Ty) {
        match node {
            Node::Num(n) => (format_number(*n), Ty::Num),
            Node::Str(s) => (quote(s), Ty::Str),
            Node::Bool(b) => (bool_literal(*b), Ty::Bool),
            Node::Ref(id) => (Self::reference(id), self.ty_of(self.kind(id))),
            Node::Current => (".".into(), self.ty_of(self.current)),
            Node::CountSelected(id) => {
                let r = Self::reference(id);
                let mut specials = vec![format!("selected({r}, '{DONT_KNOW}')")];
                if self.kind(id).is_some_and(|q| q.not_applicable) {
                    specials.push(format!("selected({r}, '{NOT_APPLICABLE}')"));
                }
                (
                    format!("if({}, 0, count-selected({r}))", specials.join(" or ")),
                    Ty::Num,
                )
            }
            Node::Binary(op, a, b) if is_arithmetic(*op) => {
                let (x, _) = self.value(a);
                let (y, _) = self.value(b);
                let sign = match op {
                    BinOp::Add => "+",
                    BinOp::Sub => "-",
                    BinOp::Mul => "*",
                    _ => "div",
                };
                (format!("({x} {sign} {y})"), Ty::Num)
            }
            _ => (self.boolean(node), Ty::Bool),
        }
    }

    fn ty_of(&self, q: Option<&Question>) -> Ty {
        match q.map(|q| q.kind) {
            Some(Kind::Number | Kind::Scale) => Ty::Num,
            Some(Kind::Yesno) => Ty::YesNo,
            Some(Kind::Multiple) => Ty::Set,
            _ => Ty::Str,
        }
    }

    /// The « has a value » tests of every answer an operand reads (`.` excepted: a constraint
    /// is only checked on a value).
    fn guards(&self, node: &Node) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_guards(node, &mut out);
        out
    }

    fn collect_guards(&self, node: &Node, out: &mut Vec<String>) {
        match node {
            Node::Ref(_) => {
                if let Some(h) = self.has(node)
                    && !out.contains(&h)
                {
                    out.push(h);
                }
            }
            Node::Binary(op, a, b) if is_arithmetic(*op) => {
                self.collect_guards(a, out);
                self.collect_guards(b, out);
            }
            _ => {}
        }
    }

    fn comparison(&self, op: BinOp, a: &Node, b: &Node) -> String {
        let (mut x, tx) = self.value(a);
        let (mut y, ty) = self.value(b);
        let comparable = match (tx, ty) {
            (Ty::Set, _) | (_, Ty::Set) => false,
            (Ty::Num, Ty::Num) | (Ty::Str, Ty::Str) | (Ty::Bool, Ty::Bool) => true,
            (Ty::YesNo, Ty::YesNo) => true,
            (Ty::YesNo, Ty::Bool | Ty::Str) => match as_yes_no(b, &y) {
                Some(v) => {
                    y = v;
                    true
                }
                None => false,
            },
            (Ty::Bool | Ty::Str, Ty::YesNo) => match as_yes_no(a, &x) {
                Some(v) => {
                    x = v;
                    true
                }
                None => false,
            },
            _ => false,
        };
        if !comparable {
            return "false()".into();
        }
        let sign = match op {
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            _ => ">=",
        };
        let test = format!("{x} {sign} {y}");
        // `=`, `<`… are already false in XPath on an empty or special value ('' and
        // 'dont_know' are not numbers, not equal to a real choice); `!=` is not.
        if op == BinOp::Ne {
            let mut guards = self.guards(a);
            for g in self.guards(b) {
                if !guards.contains(&g) {
                    guards.push(g);
                }
            }
            join_and(guards, test)
        } else {
            test
        }
    }
}

/// The XPath test that `r` (a `${id}` or `.`) holds a real answer to `q`.
pub fn has_value(r: &str, q: &Question) -> String {
    match q.kind {
        Kind::Number | Kind::Text => format!("string-length({r}) > 0"),
        Kind::Multiple => {
            let mut parts = vec![
                format!("count-selected({r}) > 0"),
                format!("not(selected({r}, '{DONT_KNOW}'))"),
            ];
            if q.not_applicable {
                parts.push(format!("not(selected({r}, '{NOT_APPLICABLE}'))"));
            }
            format!("({})", parts.join(" and "))
        }
        _ => {
            let mut parts = vec![format!("{r} != ''"), format!("{r} != '{DONT_KNOW}'")];
            if q.not_applicable {
                parts.push(format!("{r} != '{NOT_APPLICABLE}'"));
            }
            format!("({})", parts.join(" and "))
        }
    }
}

fn join_and(mut guards: Vec<String>, test: String) -> String {
    if guards.is_empty() {
        return test;
    }
    guards.push(test);
    format!("({})", guards.join(" and "))
}

fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}

fn is_arithmetic(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div)
}

fn bool_literal(b: bool) -> String {
    if b { "true()" } else { "false()" }.into()
}

/// A literal compared with a yes/no answer, as the form stores it (`'yes'` / `'no'`); the
/// same words diagasso accepts (`eval::yes_no`).
fn as_yes_no(node: &Node, written: &str) -> Option<String> {
    let b = match node {
        Node::Bool(b) => *b,
        Node::Str(s) => match s.as_str() {
            "yes" | "oui" | "true" => true,
            "no" | "non" | "false" => false,
            _ => return None,
        },
        // Another yes/no answer or a condition: compare as written.
        _ => return Some(written.to_string()),
    };
    Some(if b { "'yes'" } else { "'no'" }.into())
}

/// An XPath string literal (XPath 1.0 has no escape: a text holding `'` takes `"`).
pub fn quote(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{}\"", s.replace('"', ""))
    } else {
        format!("'{s}'")
    }
}

#[cfg(test)]
mod tests;
