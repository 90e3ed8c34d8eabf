//! Addresses the plan gives (a host's website, Frama.space's form): kept only when they are a
//! plain web address.

/// Only a plain `http://` or `https://` address with no space, quote or angle bracket; brackets
/// and parentheses are percent-encoded so the address cannot close a Markdown link.
pub fn safe_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || s.len() > 2000 {
        return None;
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c))
    {
        return None;
    }
    Some(
        s.replace('(', "%28")
            .replace(')', "%29")
            .replace('[', "%5B")
            .replace(']', "%5D"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_plain_web_addresses() {
        assert_eq!(safe_url("https://a.org/x"), Some("https://a.org/x".into()));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://a.org/\"onload"), None);
        assert_eq!(
            safe_url("https://a.org/(x)"),
            Some("https://a.org/%28x%29".into())
        );
    }
}
