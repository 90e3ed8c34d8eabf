//! A `relevant` expression said in words for a paper questionnaire: questions by their number
//! (« Q12 »), choices by their label (« « Google Drive » coché »), in French or English. Used
//! for « Seulement si … ; sinon, passez à la question N ».

use crate::audit::format_number;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;
use crate::questionnaire::expr::{BinOp, Node};

/// The condition in words; `number` gives a question's number on paper.
pub fn condition(
    q: &Questionnaire,
    node: &Node,
    lang: Lang,
    number: &dyn Fn(&str) -> usize,
) -> String {
    Sayer { q, lang, number }.say(node, false)
}

struct Sayer<'a> {
    q: &'a Questionnaire,
    lang: Lang,
    number: &'a dyn Fn(&str) -> usize,
}

impl Sayer<'_> {
    fn qn(&self, id: &str) -> String {
        format!("Q{}", (self.number)(id))
    }

    fn choice(&self, id: &str, choice: &str) -> String {
        let label = self
            .q
            .question(id)
            .and_then(|q| q.choice(choice))
            .map(|c| c.label.get(self.lang).to_string())
            .unwrap_or_else(|| choice.to_string());
        match self.lang {
            Lang::Fr => format!("«\u{a0}{label}\u{a0}»"),
            Lang::En => format!("“{label}”"),
        }
    }

    fn colon(&self) -> &'static str {
        self.lang.pick("\u{a0}:", ":")
    }

    fn say(&self, node: &Node, nested: bool) -> String {
        let l = self.lang;
        match node {
            Node::Binary(BinOp::And, a, b) => {
                let s = format!(
                    "{} {} {}",
                    self.say(a, true),
                    l.pick("et", "and"),
                    self.say(b, true)
                );
                if nested { format!("({s})") } else { s }
            }
            Node::Binary(BinOp::Or, a, b) => {
                let s = format!(
                    "{} {} {}",
                    self.say(a, true),
                    l.pick("ou", "or"),
                    self.say(b, true)
                );
                if nested { format!("({s})") } else { s }
            }
            Node::Selected(id, c) => format!(
                "{}{} {} {}",
                self.qn(id),
                self.colon(),
                self.choice(id, c),
                l.pick("coché", "ticked")
            ),
            Node::Not(inner) => match inner.as_ref() {
                Node::Selected(id, c) => format!(
                    "{}{} {} {}",
                    self.qn(id),
                    self.colon(),
                    self.choice(id, c),
                    l.pick("non coché", "not ticked")
                ),
                Node::Answered(id) => {
                    format!("{} {}", self.qn(id), l.pick("sans réponse", "not answered"))
                }
                other => format!("{} ({})", l.pick("non", "not"), self.say(other, false)),
            },
            Node::Answered(id) => format!("{} {}", self.qn(id), l.pick("répondue", "answered")),
            Node::DontKnow(id) => format!(
                "{}{} {}",
                self.qn(id),
                self.colon(),
                l.pick("je ne sais pas", "don't know")
            ),
            Node::Binary(BinOp::Gt, a, b)
                if matches!(a.as_ref(), Node::CountSelected(_))
                    && matches!(b.as_ref(), Node::Num(n) if *n == 0.0) =>
            {
                let Node::CountSelected(id) = a.as_ref() else {
                    unreachable!("matched above")
                };
                format!(
                    "{}{} {}",
                    self.qn(id),
                    self.colon(),
                    l.pick("au moins une case cochée", "at least one box ticked")
                )
            }
            Node::Binary(op, a, b) => {
                let sign = match op {
                    BinOp::Eq => "=",
                    BinOp::Ne => "≠",
                    BinOp::Lt => "<",
                    BinOp::Le => "≤",
                    BinOp::Gt => ">",
                    BinOp::Ge => "≥",
                    BinOp::Add => "+",
                    BinOp::Sub => "−",
                    BinOp::Mul => "×",
                    BinOp::Div => "÷",
                    BinOp::And | BinOp::Or => "",
                };
                format!("{} {sign} {}", self.value(a), self.value(b))
            }
            other => self.value(other),
        }
    }

    fn value(&self, node: &Node) -> String {
        let l = self.lang;
        match node {
            Node::Num(n) => format_number(*n),
            Node::Str(s) => match s.as_str() {
                "yes" | "oui" | "true" => l.pick("oui", "yes").into(),
                "no" | "non" | "false" => l.pick("non", "no").into(),
                _ => match l {
                    Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
                    Lang::En => format!("“{s}”"),
                },
            },
            Node::Bool(b) => if *b {
                l.pick("oui", "yes")
            } else {
                l.pick("non", "no")
            }
            .into(),
            Node::Ref(id) => format!(
                "{} {}",
                l.pick("la réponse à", "the answer to"),
                self.qn(id)
            ),
            Node::Current => l.pick("cette réponse", "this answer").into(),
            Node::CountSelected(id) => format!(
                "{} {}",
                l.pick(
                    "le nombre de cases cochées en",
                    "the number of boxes ticked in"
                ),
                self.qn(id)
            ),
            other => format!("({})", self.say(other, false)),
        }
    }
}
