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

/// The largest radar that stays legible; past it the bars say it better.
pub const MAX_RADAR_AXES: usize = 8;

/// The radar chart, or `None` below three domains (a radar of one or two axes says nothing) or
/// above [`MAX_RADAR_AXES`] (labels would overlap).
pub fn radar(scores: &[Score], title: &str) -> Option<String> {
    let n = scores.len();
    if !(3..=MAX_RADAR_AXES).contains(&n) {
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

/// Horizontal bars, one per domain in the order given (the view puts the most dependent
/// first), on the 1–4 scale: the axis starts at 1, not 0, each bar ends on a dot at its level,
/// and the ticks name the two ends of the scale (`ends`: « 1 dépendant », « 4 autonome »). A
/// domain without a level shows « ? » and no bar.
pub fn bars(scores: &[Score], title: &str, ends: (&str, &str)) -> String {
    let row = 28.0;
    let (label_w, bar_w) = (230.0, 300.0);
    let w = label_w + bar_w + 50.0;
    let top = 8.0;
    let h = top + row * scores.len().max(1) as f64 + 34.0;
    let max = scores.iter().map(|s| s.max).fold(4.0, f64::max);
    let x = |level: f64| label_w + bar_w * ((level - 1.0) / (max - 1.0)).clamp(0.0, 1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bars" viewBox="0 0 {w} {h}" role="img" aria-labelledby="bars-title">"#
    );
    let _ = write!(s, r#"<title id="bars-title">{}</title>"#, esc(title));
    // Grid: one line per level, labelled under the last row.
    let bottom = top + row * scores.len().max(1) as f64;
    for l in 1..=(max as u32) {
        let gx = num(x(f64::from(l)));
        let _ = write!(
            s,
            r#"<line x1="{gx}" y1="{top}" x2="{gx}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            num(bottom)
        );
        let _ = write!(
            s,
            r#"<text x="{gx}" y="{}" text-anchor="middle" font-size="12" fill="{INK}">{l}</text>"#,
            num(bottom + 15.0)
        );
    }
    let _ = write!(
        s,
        r#"<text x="{label_w}" y="{}" font-size="12" fill="{INK}">{}</text>"#,
        num(bottom + 30.0),
        esc(ends.0)
    );
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" text-anchor="end" font-size="12" fill="{INK}">{}</text>"#,
        num(label_w + bar_w),
        num(bottom + 30.0),
        esc(ends.1)
    );
    for (i, sc) in scores.iter().enumerate() {
        let y = top + row * i as f64;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{INK}">{}</text>"#,
            num(label_w - 10.0),
            num(y + 18.0),
            esc(&short(&sc.label, 30))
        );
        if sc.known {
            let end = x(sc.level);
            let _ = write!(
                s,
                r#"<rect x="{label_w}" y="{}" width="{}" height="14" rx="3" fill="{ACCENT}"/>"#,
                num(y + 7.0),
                num(end - label_w)
            );
            let _ = write!(
                s,
                r#"<circle cx="{}" cy="{}" r="7" fill="{ACCENT}"/>"#,
                num(end),
                num(y + 14.0)
            );
        }
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="13" fill="{INK}">{}</text>"#,
            num(label_w + bar_w + 14.0),
            num(y + 18.0),
            esc(&sc.shown)
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
            known: true,
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
        for svg in [
            radar(&scores, "t").unwrap(),
            bars(&scores, "<t>", ("1", "4")),
        ] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(svg.contains("&lt;script&gt;") || svg.contains("&lt;t&gt;"));
        }
    }

    #[test]
    fn no_radar_below_three_axes() {
        assert!(radar(&[score("a", 1.0), score("b", 2.0)], "t").is_none());
    }
}

#[cfg(test)]
mod bar_tests {
    use super::*;

    #[test]
    fn bars_start_at_one() {
        let one = Score {
            label: "a".into(),
            level: 1.0,
            max: 4.0,
            known: true,
            shown: "1".into(),
            ..Score::default()
        };
        let svg = bars(&[one], "t", ("1 dépendant", "4 autonome"));
        // A level-1 bar has no length: it is its dot on the first grid line.
        assert!(svg.contains(r#"width="0""#), "{svg}");
        assert!(svg.contains("1 dépendant") && svg.contains("4 autonome"));
    }
}
