//! Where the parts of the plan screen go: the tab bar, the list, and the « Pourquoi ? » panel
//! (beside the list from `WIDE` columns, below it when opened on a narrower terminal); and
//! which line of a tab's list is at the top so the selected item stays in view, scrolling as
//! little as possible. Pure functions of sizes, shared by drawing and by the key handling
//! (which measures pages and keeps the scroll position).

use ratatui::layout::Rect;

use super::plan_tabs::Block;

/// From this width the « Pourquoi ? » panel stands beside the list.
pub const WIDE: u16 = 110;

/// Lines kept visible above and below the selected item when scrolling.
const MARGIN: usize = 2;

/// Where the parts of the plan go in the body.
pub struct Areas {
    pub tabs: Rect,
    pub list: Rect,
    pub why: Option<Rect>,
}

pub fn areas(body: Rect, why: bool) -> Areas {
    let tabs = Rect { height: 1, ..body };
    let rest = Rect::new(
        body.x,
        body.y + 2,
        body.width,
        body.height.saturating_sub(2),
    );
    if body.width >= WIDE {
        let panel = (body.width * 3 / 8).max(44);
        let list = Rect {
            width: rest.width.saturating_sub(panel + 1),
            ..rest
        };
        let why = Rect {
            x: list.right() + 1,
            width: panel,
            ..rest
        };
        Areas {
            tabs,
            list,
            why: Some(why),
        }
    } else if why {
        let list_h = (rest.height / 3).max(4);
        let list = Rect {
            height: list_h,
            ..rest
        };
        let why = Rect {
            y: rest.y + list_h,
            height: rest.height.saturating_sub(list_h),
            ..rest
        };
        Areas {
            tabs,
            list,
            why: Some(why),
        }
    } else {
        Areas {
            tabs,
            list: rest,
            why: None,
        }
    }
}

/// The text area inside the panel's border, one column of margin each side.
pub fn why_text_area(panel: Rect) -> Rect {
    Rect::new(
        panel.x + 2,
        panel.y + 1,
        panel.width.saturating_sub(4),
        panel.height.saturating_sub(2),
    )
}

/// The lines of a tab's list: each item's first and last-plus-one line, and the total.
pub struct ListLines {
    pub items: Vec<(usize, usize)>,
    pub total: usize,
}

impl ListLines {
    pub fn of(blocks: &[Block]) -> ListLines {
        let mut items = Vec::new();
        let mut total = 0;
        for b in blocks {
            if b.item.is_some() {
                items.push((total, total + b.lines.len()));
            }
            total += b.lines.len();
        }
        ListLines { items, total }
    }

    /// The first line to show for item `sel` in `height` lines, starting from the previous
    /// `top` and moving it as little as possible: the selection stays `MARGIN` lines from the
    /// edges, the first item shows what is above it, the last item what is below.
    pub fn top(&self, top: usize, sel: usize, height: usize) -> usize {
        let Some(&(start, end)) = self.items.get(sel) else {
            return 0;
        };
        if self.total <= height {
            return 0;
        }
        let max = self.total - height;
        if sel == 0 && end <= height {
            return 0;
        }
        if sel + 1 == self.items.len() && start >= max {
            return max;
        }
        let mut t = top.min(max);
        if start < t + MARGIN {
            t = start.saturating_sub(MARGIN);
        }
        if end + MARGIN > t + height {
            t = (end + MARGIN).saturating_sub(height).min(start);
        }
        t.min(max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(items: &[(usize, usize)], total: usize) -> ListLines {
        ListLines {
            items: items.to_vec(),
            total,
        }
    }

    #[test]
    fn scrolling_moves_as_little_as_it_can() {
        // Ten one-line items after a three-line heading, in a five-line window.
        let l = lines(&(3..13).map(|i| (i, i + 1)).collect::<Vec<_>>(), 13);
        assert_eq!(l.top(0, 0, 5), 0, "the first item shows the heading");
        assert_eq!(l.top(0, 1, 5), 2, "two lines of margin below");
        assert_eq!(l.top(2, 2, 5), 3);
        assert_eq!(l.top(3, 1, 5), 2, "going back up keeps two lines above");
        assert_eq!(l.top(5, 9, 5), 8, "the last item shows the end");
        assert_eq!(l.top(0, 4, 50), 0, "everything fits");
        // An item taller than the window shows its start.
        let l = lines(&[(0, 1), (1, 20), (20, 21)], 21);
        assert_eq!(l.top(0, 1, 5), 1);
    }
}
