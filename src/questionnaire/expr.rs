//! The expression language of `relevant` and `constraint` (see `questionnaires/README.md`):
//! a lexer and a precedence-climbing parser that turn the text into an `Expr` tree once, at
//! load time. Evaluation lives in `eval.rs`.

use std::fmt;

pub use super::lex::is_question_id;
use super::lex::{Tok, lex};

/// A parsed expression with the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub source: String,
    pub root: Node,
}

/// A node of the expression tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Num(f64),
    Str(String),
    Bool(bool),
    /// `${id}`
    Ref(String),
    /// `.`
    Current,
    Not(Box<Node>),
    Binary(BinOp, Box<Node>, Box<Node>),
    Selected(String, String),
    CountSelected(String),
    Answered(String),
    DontKnow(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

/// A syntax error at a character offset of the expression text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Offset in characters from the start of the expression.
    pub offset: usize,
    pub message_fr: String,
    pub message_en: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en)
    }
}

pub(super) fn err(offset: usize, fr: impl Into<String>, en: impl Into<String>) -> ParseError {
    ParseError {
        offset,
        message_fr: fr.into(),
        message_en: en.into(),
    }
}

fn precedence(op: BinOp) -> u8 {
    match op {
        BinOp::Or => 1,
        BinOp::And => 2,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 3,
        BinOp::Add | BinOp::Sub => 4,
        BinOp::Mul | BinOp::Div => 5,
    }
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
    depth: usize,
    /// Binary operators read so far.
    ops: usize,
}

const MAX_DEPTH: usize = 64;

/// A chain `a + b + c …` nests to the left as deep as it is long, and evaluating, walking or
/// dropping the tree recurses that deep: an 80,000-term chain overflowed the stack.
const MAX_OPERATORS: usize = 1_000;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(o, _)| *o)
    }

    fn expect(&mut self, want: &Tok, fr: &str, en: &str) -> Result<(), ParseError> {
        if self.peek() == Some(want) {
            self.pos += 1;
            Ok(())
        } else {
            Err(err(self.offset(), fr, en))
        }
    }

    fn expr(&mut self, min_prec: u8) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(
                self.offset(),
                "expression trop imbriquée",
                "expression nested too deeply",
            ));
        }
        let mut lhs = self.atom()?;
        while let Some(Tok::Op(op)) = self.peek() {
            let op = *op;
            let prec = precedence(op);
            if prec < min_prec {
                break;
            }
            self.ops += 1;
            if self.ops > MAX_OPERATORS {
                return Err(err(
                    self.offset(),
                    format!("expression trop longue (plus de {MAX_OPERATORS} opérateurs)"),
                    format!("expression too long (more than {MAX_OPERATORS} operators)"),
                ));
            }
            self.pos += 1;
            let rhs = self.expr(prec + 1)?;
            lhs = Node::Binary(op, Box::new(lhs), Box::new(rhs));
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn ref_arg(&mut self, func: &str) -> Result<String, ParseError> {
        match self.toks.get(self.pos) {
            Some((_, Tok::Ref(id))) => {
                let id = id.clone();
                self.pos += 1;
                Ok(id)
            }
            _ => Err(err(
                self.offset(),
                format!("{func}() attend une question ${{id}} en premier argument"),
                format!("{func}() expects a question ${{id}} as its first argument"),
            )),
        }
    }

    fn atom(&mut self) -> Result<Node, ParseError> {
        let offset = self.offset();
        let Some((_, tok)) = self.toks.get(self.pos).cloned() else {
            return Err(err(
                offset,
                "expression incomplète",
                "incomplete expression",
            ));
        };
        self.pos += 1;
        match tok {
            Tok::Num(n) => Ok(Node::Num(n)),
            Tok::Str(s) => Ok(Node::Str(s)),
            Tok::Ref(id) => Ok(Node::Ref(id)),
            Tok::Dot => Ok(Node::Current),
            Tok::Op(BinOp::Sub) => {
                // Binds tighter than every binary operator; `expr` counts the depth.
                let inner = self.expr(6)?;
                Ok(Node::Binary(
                    BinOp::Sub,
                    Box::new(Node::Num(0.0)),
                    Box::new(inner),
                ))
            }
            Tok::LParen => {
                let inner = self.expr(0)?;
                self.expect(&Tok::RParen, "« ) » attendue", "')' expected")?;
                Ok(inner)
            }
            Tok::Ident(name) => self.call(&name, offset),
            Tok::Op(_) | Tok::RParen | Tok::Comma => Err(err(
                offset,
                "une valeur était attendue ici",
                "a value was expected here",
            )),
        }
    }

    fn call(&mut self, name: &str, offset: usize) -> Result<Node, ParseError> {
        self.expect(
            &Tok::LParen,
            "« ( » attendue après le nom de fonction",
            "'(' expected after a function name",
        )?;
        let node = match name {
            "true" => Node::Bool(true),
            "false" => Node::Bool(false),
            "not" => Node::Not(Box::new(self.expr(0)?)),
            "selected" => {
                let id = self.ref_arg(name)?;
                self.expect(&Tok::Comma, "« , » attendue", "',' expected")?;
                match self.toks.get(self.pos) {
                    Some((_, Tok::Str(choice))) => {
                        let choice = choice.clone();
                        self.pos += 1;
                        Node::Selected(id, choice)
                    }
                    _ => {
                        return Err(err(
                            self.offset(),
                            "selected() attend un identifiant de choix entre guillemets",
                            "selected() expects a quoted choice id",
                        ));
                    }
                }
            }
            "count-selected" => Node::CountSelected(self.ref_arg(name)?),
            "answered" => Node::Answered(self.ref_arg(name)?),
            "dont-know" => Node::DontKnow(self.ref_arg(name)?),
            other => {
                return Err(err(
                    offset,
                    format!(
                        "fonction inconnue « {other} » (connues : not, selected, count-selected, answered, dont-know, true, false)"
                    ),
                    format!(
                        "unknown function '{other}' (known: not, selected, count-selected, answered, dont-know, true, false)"
                    ),
                ));
            }
        };
        self.expect(&Tok::RParen, "« ) » attendue", "')' expected")?;
        Ok(node)
    }
}

impl Expr {
    /// Parse an expression's text.
    pub fn parse(source: &str) -> Result<Expr, ParseError> {
        let toks = lex(source)?;
        if toks.is_empty() {
            return Err(err(0, "expression vide", "empty expression"));
        }
        let mut parser = Parser {
            toks,
            pos: 0,
            end: source.chars().count(),
            depth: 0,
            ops: 0,
        };
        let root = parser.expr(0)?;
        if parser.pos != parser.toks.len() {
            return Err(err(
                parser.offset(),
                "texte en trop après l'expression",
                "unexpected text after the expression",
            ));
        }
        Ok(Expr {
            source: source.to_string(),
            root,
        })
    }

    /// Every question id the expression reads.
    pub fn references(&self) -> Vec<&str> {
        let mut out = Vec::new();
        collect_refs(&self.root, &mut out);
        out
    }

    /// Every `selected(${q}, 'c')` pair, for checking choice ids at load time.
    pub fn selections(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        collect_selections(&self.root, &mut out);
        out
    }

    /// Whether the expression reads `.`.
    pub fn uses_current(&self) -> bool {
        uses_current(&self.root)
    }
}

fn collect_refs<'a>(node: &'a Node, out: &mut Vec<&'a str>) {
    match node {
        Node::Ref(id)
        | Node::Selected(id, _)
        | Node::CountSelected(id)
        | Node::Answered(id)
        | Node::DontKnow(id) => out.push(id),
        Node::Not(inner) => collect_refs(inner, out),
        Node::Binary(_, a, b) => {
            collect_refs(a, out);
            collect_refs(b, out);
        }
        Node::Num(_) | Node::Str(_) | Node::Bool(_) | Node::Current => {}
    }
}

fn collect_selections<'a>(node: &'a Node, out: &mut Vec<(&'a str, &'a str)>) {
    match node {
        Node::Selected(id, choice) => out.push((id, choice)),
        Node::Not(inner) => collect_selections(inner, out),
        Node::Binary(_, a, b) => {
            collect_selections(a, out);
            collect_selections(b, out);
        }
        _ => {}
    }
}

fn uses_current(node: &Node) -> bool {
    match node {
        Node::Current => true,
        Node::Not(inner) => uses_current(inner),
        Node::Binary(_, a, b) => uses_current(a) || uses_current(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precedence() {
        let e = Expr::parse("${a} > 1 and ${b} = 'x' or not(${c} = 2)").unwrap();
        assert!(matches!(e.root, Node::Binary(BinOp::Or, _, _)));
        assert_eq!(e.references(), vec!["a", "b", "c"]);
        let e = Expr::parse(". <= ${members} * 2 + 1").unwrap();
        assert!(e.uses_current());
        let Node::Binary(BinOp::Le, _, rhs) = e.root else {
            panic!("not a comparison")
        };
        assert!(matches!(*rhs, Node::Binary(BinOp::Add, _, _)));
    }

    #[test]
    fn functions() {
        let e = Expr::parse("selected(${tools}, 'google_drive') and count-selected(${tools}) >= 2")
            .unwrap();
        assert_eq!(e.selections(), vec![("tools", "google_drive")]);
        assert!(Expr::parse("answered(${x}) or dont-know(${x})").is_ok());
        assert!(Expr::parse("true() and not(false())").is_ok());
    }

    #[test]
    fn errors_say_where() {
        let e = Expr::parse("${a} > ").unwrap_err();
        assert_eq!(e.offset, 7);
        assert_eq!(e.message_en, "incomplete expression");
        let e = Expr::parse("frob(${a})").unwrap_err();
        assert!(e.message_en.starts_with("unknown function 'frob'"));
        let e = Expr::parse("${a").unwrap_err();
        assert_eq!(e.message_en, "'${' without a closing '}'");
        let e = Expr::parse("${A}").unwrap_err();
        assert_eq!(e.message_en, "invalid question id 'A'");
        let e = Expr::parse("selected(${a}, b)").unwrap_err();
        assert_eq!(e.message_en, "selected() expects a quoted choice id");
        let e = Expr::parse("1 2").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(Expr::parse("").is_err());
        assert!(Expr::parse("'x").is_err());
        assert!(Expr::parse("${a} # 2").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("{}1{}", "(".repeat(500), ")".repeat(500));
        assert_eq!(
            Expr::parse(&src).unwrap_err().message_en,
            "expression nested too deeply"
        );
        let src = "not(".repeat(500) + "true()" + &")".repeat(500);
        assert!(Expr::parse(&src).is_err());
        let src = "-".repeat(100_000) + "1";
        assert!(Expr::parse(&src).is_err());
    }

    #[test]
    fn a_long_chain_is_an_error_not_a_crash() {
        let src = vec!["1"; 100_000].join(" + ");
        let e = Expr::parse(&src).unwrap_err();
        assert_eq!(
            e.message_en,
            "expression too long (more than 1000 operators)"
        );
        assert_eq!(e.offset, 4_002, "placed at the 1001st operator");
        let src = vec!["${a}"; 1_001].join(" or ");
        assert!(Expr::parse(&src).is_ok(), "1,000 operators are fine");
    }
}
