//! Hand-built SVG charts of the domain scores: a radar (when there are at least three domains)
//! and horizontal bars, meant to be inlined in HTML (so no `xmlns`, which HTML5 implies). A
//! `<title>` and `<desc>`, no script, no external
//! reference, every label XML-escaped; the HTML report inlines them and shows the same data as
//! a table for readers who cannot see the picture.

use std::f64::consts::PI;
use std::fmt::Write;

use super::escape::html as esc;
use super::plan_view::Score;

const INK: &str = "#1d2433";
const GRID: &str = "#c9cfd9";
const ACCENT: &str = "#6a3d9a";
const FILL: &str = "#6a3d9a33";

/// Cut a label to `max` characters with an ellipsis (the full label is in the table).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    crate::audit::format_number(if r == 0.0 { 0.0 } else { r })
}

/// The radar chart, or `None` below three domains (a radar of one or two axes says nothing).
pub fn radar(scores: &[Score], title: &str) -> Option<String> {
    let n = scores.len();
    if n < 3 {
        return None;
    }
    let (w, h) = (680.0, 420.0);
    let (cx, cy, r) = (w / 2.0, h / 2.0 + 5.0, 140.0);
    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
    let point = |i: usize, frac: f64| {
        let a = angle(i);
        (cx + r * frac * a.cos(), cy + r * frac * a.sin())
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart radar" viewBox="0 0 {w} {h}" role="img" aria-labelledby="radar-title radar-desc">"#
    );
    let desc: Vec<String> = scores
        .iter()
        .map(|sc| format!("{} {}/{}", sc.label, sc.shown, sc.max_shown))
        .collect();
    let _ = write!(
        s,
        r#"<title id="radar-title">{}</title><desc id="radar-desc">{}</desc>"#,
        esc(title),
        esc(&desc.join(", "))
    );
    let max = scores.iter().map(|s| s.max).fold(1.0, f64::max);
    let rings = if max <= 10.0 { max.round() as usize } else { 4 };
    for k in 1..=rings.max(1) {
        let frac = k as f64 / rings.max(1) as f64;
        let pts: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = point(i, frac);
                format!("{},{}", num(x), num(y))
            })
            .collect();
        let _ = write!(
            s,
            r#"<polygon points="{}" fill="none" stroke="{GRID}" stroke-width="1"/>"#,
            pts.join(" ")
        );
    }
    for (i, sc) in scores.iter().enumerate() {
        let (x, y) = point(i, 1.0);
        let _ = write!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            num(cx),
            num(cy),
            num(x),
            num(y)
        );
        let (lx, ly) = point(i, 1.13);
        let c = angle(i).cos();
        let anchor = if c > 0.3 {
            "start"
        } else if c < -0.3 {
            "end"
        } else {
            "middle"
        };
        let dy = if angle(i).sin() > 0.5 { 12.0 } else { 0.0 };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" font-size="13" fill="{INK}">{}</text>"#,
            num(lx),
            num(ly + dy),
            esc(&short(&sc.label, 24))
        );
    }
    let pts: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, sc)| {
            let (x, y) = point(i, if sc.max > 0.0 { sc.level / sc.max } else { 0.0 });
            format!("{},{}", num(x), num(y))
        })
        .collect();
    let _ = write!(
        s,
        r#"<polygon points="{}" fill="{FILL}" stroke="{ACCENT}" stroke-width="2.5" stroke-linejoin="round"/>"#,
        pts.join(" ")
    );
    for p in &pts {
        if let Some((x, y)) = p.split_once(',') {
            let _ = write!(s, r#"<circle cx="{x}" cy="{y}" r="4" fill="{ACCENT}"/>"#);
        }
    }
    s.push_str("</svg>");
    Some(s)
}

/// Horizontal bars, one per domain, with the level written at the end of each bar.
pub fn bars(scores: &[Score], title: &str) -> String {
    let row = 30.0;
    let (label_w, bar_w) = (210.0, 300.0);
    let w = label_w + bar_w + 60.0;
    let h = 20.0 + row * scores.len().max(1) as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" viewBox="0 0 {w} {h}" role="img" aria-labelledby="bars-title">"#
    );
    let _ = write!(s, r#"<title id="bars-title">{}</title>"#, esc(title));
    for (i, sc) in scores.iter().enumerate() {
        let y = 10.0 + row * i as f64;
        let frac = if sc.max > 0.0 { sc.level / sc.max } else { 0.0 };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{INK}">{}</text>"#,
            num(label_w - 10.0),
            num(y + 17.0),
            esc(&short(&sc.label, 28))
        );
        let _ = write!(
            s,
            r##"<rect x="{label_w}" y="{}" width="{bar_w}" height="18" rx="3" fill="#eceef3"/>"##,
            num(y + 4.0)
        );
        if frac > 0.0 {
            let _ = write!(
                s,
                r#"<rect x="{label_w}" y="{}" width="{}" height="18" rx="3" fill="{ACCENT}"/>"#,
                num(y + 4.0),
                num(bar_w * frac)
            );
        }
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="13" fill="{INK}">{} / {}</text>"#,
            num(label_w + bar_w + 8.0),
            num(y + 17.0),
            esc(&sc.shown),
            esc(&sc.max_shown)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(label: &str, level: f64) -> Score {
        Score {
            label: label.into(),
            level,
            max: 4.0,
            shown: num(level),
            max_shown: "4".into(),
            ..Score::default()
        }
    }

    #[test]
    fn labels_are_escaped_and_no_script() {
        let scores = vec![
            score("<script>x</script>", 1.0),
            score("b", 2.0),
            score("c", 4.0),
        ];
        for svg in [radar(&scores, "t").unwrap(), bars(&scores, "<t>")] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(svg.contains("&lt;script&gt;") || svg.contains("&lt;t&gt;"));
        }
    }

    #[test]
    fn no_radar_below_three_axes() {
        assert!(radar(&[score("a", 1.0), score("b", 2.0)], "t").is_none());
    }
}
