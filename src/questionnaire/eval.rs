//! Evaluation of parsed expressions against a set of answers. Values borrow from the answers,
//! so evaluating allocates nothing; an unanswered, "don't know" or "not applicable" question
//! has no value, and any comparison involving no value is false.

use super::expr::{BinOp, Node};
use crate::audit::{Answer, Answers, Value};

/// A value during evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(&'a str),
    Set(&'a [String]),
}

impl Val<'_> {
    pub fn truthy(self) -> bool {
        match self {
            Val::Null => false,
            Val::Bool(b) => b,
            Val::Num(n) => n != 0.0 && !n.is_nan(),
            Val::Str(s) => !s.is_empty(),
            Val::Set(s) => !s.is_empty(),
        }
    }
}

fn of_answer(answer: Option<&Answer>) -> Val<'_> {
    match answer {
        Some(Answer::Given(v)) => match v {
            Value::Choice(c) => Val::Str(c),
            Value::Choices(cs) => Val::Set(cs),
            Value::Number(n) => Val::Num(*n),
            Value::Text(t) => Val::Str(t),
            Value::Bool(b) => Val::Bool(*b),
        },
        _ => Val::Null,
    }
}

/// What an expression reads: the answers (already filtered for visibility by the caller when it
/// matters) and the value under test for `.`.
pub struct Scope<'a, A: Answers + ?Sized> {
    pub answers: &'a A,
    pub current: Option<&'a Answer>,
}

impl<'a, A: Answers + ?Sized> Scope<'a, A> {
    pub fn eval(&self, node: &'a Node) -> Val<'a> {
        match node {
            Node::Num(n) => Val::Num(*n),
            Node::Str(s) => Val::Str(s),
            Node::Bool(b) => Val::Bool(*b),
            Node::Ref(id) => of_answer(self.answers.answer(id)),
            Node::Current => of_answer(self.current),
            Node::Not(inner) => Val::Bool(!self.eval(inner).truthy()),
            Node::Selected(id, choice) => Val::Bool(match self.answers.answer(id) {
                Some(Answer::Given(Value::Choice(c))) => c == choice,
                Some(Answer::Given(Value::Choices(cs))) => cs.iter().any(|c| c == choice),
                _ => false,
            }),
            Node::CountSelected(id) => Val::Num(match self.answers.answer(id) {
                Some(Answer::Given(Value::Choice(_))) => 1.0,
                Some(Answer::Given(Value::Choices(cs))) => cs.len() as f64,
                _ => 0.0,
            }),
            Node::Answered(id) => {
                Val::Bool(matches!(self.answers.answer(id), Some(Answer::Given(_))))
            }
            Node::DontKnow(id) => {
                Val::Bool(matches!(self.answers.answer(id), Some(Answer::DontKnow)))
            }
            Node::Binary(op, a, b) => self.binary(*op, a, b),
        }
    }

    fn binary(&self, op: BinOp, a: &'a Node, b: &'a Node) -> Val<'a> {
        match op {
            BinOp::Or => Val::Bool(self.eval(a).truthy() || self.eval(b).truthy()),
            BinOp::And => Val::Bool(self.eval(a).truthy() && self.eval(b).truthy()),
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                match (self.eval(a), self.eval(b)) {
                    (Val::Num(x), Val::Num(y)) => {
                        let r = match op {
                            BinOp::Add => x + y,
                            BinOp::Sub => x - y,
                            BinOp::Mul => x * y,
                            _ if y == 0.0 => return Val::Null,
                            _ => x / y,
                        };
                        Val::Num(r)
                    }
                    _ => Val::Null,
                }
            }
            _ => Val::Bool(compare(op, self.eval(a), self.eval(b))),
        }
    }
}

fn yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" | "oui" | "true" => Some(true),
        "no" | "non" | "false" => Some(false),
        _ => None,
    }
}

fn compare(op: BinOp, a: Val<'_>, b: Val<'_>) -> bool {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match (a, b) {
        (Val::Num(x), Val::Num(y)) => x.partial_cmp(&y),
        (Val::Str(x), Val::Str(y)) => Some(x.cmp(y)),
        (Val::Bool(x), Val::Bool(y)) => Some(x.cmp(&y)),
        (Val::Bool(x), Val::Str(s)) => yes_no(s).map(|y| x.cmp(&y)),
        (Val::Str(s), Val::Bool(y)) => yes_no(s).map(|x| x.cmp(&y)),
        _ => None,
    };
    let Some(ord) = ordering else { return false };
    match op {
        BinOp::Eq => ord == Ordering::Equal,
        BinOp::Ne => ord != Ordering::Equal,
        BinOp::Lt => ord == Ordering::Less,
        BinOp::Le => ord != Ordering::Greater,
        BinOp::Gt => ord == Ordering::Greater,
        BinOp::Ge => ord != Ordering::Less,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::questionnaire::expr::Expr;

    fn answers() -> BTreeMap<String, Answer> {
        let mut m = BTreeMap::new();
        m.insert("n".into(), Answer::Given(Value::Number(12.0)));
        m.insert("one".into(), Answer::Given(Value::Choice("gmail".into())));
        m.insert(
            "many".into(),
            Answer::Given(Value::Choices(vec!["drive".into(), "dropbox".into()])),
        );
        m.insert("yn".into(), Answer::Given(Value::Bool(true)));
        m.insert("txt".into(), Answer::Given(Value::Text("bonjour".into())));
        m.insert("dk".into(), Answer::DontKnow);
        m.insert("na".into(), Answer::NotApplicable);
        m
    }

    fn truth(src: &str, current: Option<&Answer>) -> bool {
        let expr = Expr::parse(src).unwrap();
        let a = answers();
        let scope = Scope {
            answers: &a,
            current,
        };
        scope.eval(&expr.root).truthy()
    }

    #[test]
    fn table() {
        let cases: &[(&str, bool)] = &[
            ("${n} = 12", true),
            ("${n} > 12", false),
            ("${n} >= 12 and ${n} <= 12", true),
            ("${n} * 2 - 4 = 20", true),
            ("${n} div 4 = 3", true),
            ("${n} div 0 = 0", false),
            ("-${n} < 0", true),
            ("${one} = 'gmail'", true),
            ("${one} != 'gmail'", false),
            ("selected(${one}, 'gmail')", true),
            ("selected(${many}, 'dropbox')", true),
            ("selected(${many}, 'gmail')", false),
            ("count-selected(${many}) = 2", true),
            ("count-selected(${missing}) = 0", true),
            ("count-selected(${one}) = 1", true),
            ("${yn} = 'yes'", true),
            ("${yn} = 'no'", false),
            ("${yn} = true()", true),
            ("${yn}", true),
            ("${txt} = 'bonjour'", true),
            ("answered(${n})", true),
            ("answered(${dk})", false),
            ("answered(${na})", false),
            ("answered(${missing})", false),
            ("dont-know(${dk})", true),
            ("dont-know(${na})", false),
            // No value: every comparison is false, including !=.
            ("${dk} = 1", false),
            ("${dk} != 1", false),
            ("${missing} < 1", false),
            ("not(${missing} < 1)", true),
            ("${missing} + 1 = 1", false),
            ("selected(${dk}, 'x')", false),
            ("${many} = 'drive'", false),
            ("${n} = 'douze'", false),
            ("true() or ${missing} = 1", true),
            ("(${n} > 1 or false()) and not(false())", true),
        ];
        for (src, want) in cases {
            assert_eq!(truth(src, None), *want, "{src}");
        }
    }

    #[test]
    fn current_value() {
        let given = Answer::Given(Value::Number(30.0));
        assert!(truth(". <= ${n} * 3", Some(&given)));
        assert!(!truth(". <= ${n}", Some(&given)));
        assert!(!truth(". >= 0", None));
    }
}
