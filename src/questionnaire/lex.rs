//! The lexer of the expression language: text into tokens (`${id}`, numbers, quoted strings,
//! operators, function names), each with its character offset for error messages.

use super::expr::{BinOp, ParseError, err};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    Str(String),
    Ref(String),
    Dot,
    Ident(String),
    Op(BinOp),
    LParen,
    RParen,
    Comma,
}

pub(super) fn lex(src: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((start, Tok::LParen));
                i += 1;
            }
            ')' => {
                out.push((start, Tok::RParen));
                i += 1;
            }
            ',' => {
                out.push((start, Tok::Comma));
                i += 1;
            }
            '+' => {
                out.push((start, Tok::Op(BinOp::Add)));
                i += 1;
            }
            '-' => {
                out.push((start, Tok::Op(BinOp::Sub)));
                i += 1;
            }
            '*' => {
                out.push((start, Tok::Op(BinOp::Mul)));
                i += 1;
            }
            '=' => {
                out.push((start, Tok::Op(BinOp::Eq)));
                i += 1;
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push((start, Tok::Op(BinOp::Ne)));
                i += 2;
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                let op = match (c, eq) {
                    ('<', true) => BinOp::Le,
                    ('<', false) => BinOp::Lt,
                    (_, true) => BinOp::Ge,
                    _ => BinOp::Gt,
                };
                out.push((start, Tok::Op(op)));
                i += if eq { 2 } else { 1 };
            }
            '.' if !chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                out.push((start, Tok::Dot));
                i += 1;
            }
            '$' => {
                if chars.get(i + 1) != Some(&'{') {
                    return Err(err(
                        start,
                        "« $ » doit être suivi de « { »",
                        "'$' must be followed by '{'",
                    ));
                }
                let close = chars[i + 2..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or_else(|| {
                        err(
                            start,
                            "« ${ » sans « } » fermante",
                            "'${' without a closing '}'",
                        )
                    })?;
                let name: String = chars[i + 2..i + 2 + close].iter().collect();
                if !is_question_id(&name) {
                    return Err(err(
                        start,
                        format!("identifiant de question invalide « {name} »"),
                        format!("invalid question id '{name}'"),
                    ));
                }
                out.push((start, Tok::Ref(name)));
                i += close + 3;
            }
            '\'' | '"' => {
                let close = chars[i + 1..].iter().position(|&q| q == c).ok_or_else(|| {
                    err(
                        start,
                        "chaîne sans guillemet fermant",
                        "string without a closing quote",
                    )
                })?;
                out.push((
                    start,
                    Tok::Str(chars[i + 1..i + 1 + close].iter().collect()),
                ));
                i += close + 2;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                let text: String = chars[i..j].iter().collect();
                let n = text.parse::<f64>().map_err(|_| {
                    err(
                        start,
                        format!("nombre invalide « {text} »"),
                        format!("invalid number '{text}'"),
                    )
                })?;
                out.push((start, Tok::Num(n)));
                i = j;
            }
            c if c.is_ascii_alphabetic() => {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_ascii_alphanumeric() || chars[j] == '-' || chars[j] == '_')
                {
                    j += 1;
                }
                let word: String = chars[i..j].iter().collect();
                let tok = match word.as_str() {
                    "and" => Tok::Op(BinOp::And),
                    "or" => Tok::Op(BinOp::Or),
                    "div" => Tok::Op(BinOp::Div),
                    _ => Tok::Ident(word),
                };
                out.push((start, tok));
                i = j;
            }
            other => {
                return Err(err(
                    start,
                    format!("caractère inattendu « {other} »"),
                    format!("unexpected character '{other}'"),
                ));
            }
        }
    }
    Ok(out)
}

/// Question and choice ids: lowercase ASCII letters, digits and `_`, starting with a letter.
pub fn is_question_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
