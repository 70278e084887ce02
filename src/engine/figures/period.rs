//! A figure's period is free text (`2025`, `H1 2025`, `January–July 2025`, `as of August
//! 2025`, `the period after 2025`); its place in time is read from it for sorting: the
//! first year it names, then the half, quarter or month it starts in.

use crate::engine::text::fold::fold_str;

/// Where a period falls: by year, then by the month it starts in (0 for the whole year,
/// 13 for "after"). Periods that name no year come after every one that does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodKey(u32);

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl PeriodKey {
    /// The key of a period as written; `None` and text without a year sort last.
    pub fn of(period: Option<&str>) -> PeriodKey {
        let Some((year, rest)) = period.and_then(find_year) else {
            return PeriodKey(u32::MAX);
        };
        let text = fold_str(period.unwrap_or(""));
        let part = iso_month(rest).or_else(|| part_of_year(&text)).unwrap_or(0);
        PeriodKey(year * 16 + part)
    }

    /// The year, when the period names one.
    pub fn year(self) -> Option<u32> {
        (self.0 != u32::MAX).then_some(self.0 / 16)
    }
}

/// The first four-digit year (1000–2999) standing alone, and the text after it.
fn find_year(s: &str) -> Option<(u32, &str)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4
            && let Some(year) = s.get(start..i).and_then(|y| y.parse::<u32>().ok())
            && (1000..3000).contains(&year)
        {
            return Some((year, s.get(i..).unwrap_or("")));
        }
    }
    None
}

/// `-07` right after the year (an ISO date or month).
fn iso_month(rest: &str) -> Option<u32> {
    let month = rest.strip_prefix('-')?.get(..2)?;
    let m = month.parse::<u32>().ok()?;
    (1..=12).contains(&m).then_some(m)
}

/// The month a part of a year starts in: halves, quarters, month names, "after".
fn part_of_year(folded: &str) -> Option<u32> {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        match *w {
            "h1" => return Some(1),
            "h2" => return Some(7),
            "q1" => return Some(1),
            "q2" => return Some(4),
            "q3" => return Some(7),
            "q4" => return Some(10),
            "first" if next == "half" => return Some(1),
            "second" | "last" if next == "half" => return Some(7),
            "after" | "beyond" | "next" | "post" => return Some(13),
            _ => {}
        }
        if w.len() >= 3
            && let Some(m) = MONTHS.iter().position(|m| w.starts_with(m))
        {
            return Some(m as u32 + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> PeriodKey {
        PeriodKey::of(Some(s))
    }

    #[test]
    fn periods_sort_in_time() {
        let mut periods = vec![
            "the period after 2025",
            "H2 2023",
            "as of August 2025",
            "2025",
            "January–July 2025",
            "2023-07-03",
            "no year at all",
            "H1 2025",
            "3 July 2023",
            "Q4 2024",
        ];
        periods.sort_by_key(|p| key(p));
        assert_eq!(
            periods,
            [
                "H2 2023",
                "2023-07-03",
                "3 July 2023",
                "Q4 2024",
                "2025",
                "January–July 2025",
                "H1 2025",
                "as of August 2025",
                "the period after 2025",
                "no year at all",
            ]
        );
    }

    #[test]
    fn years_stand_alone() {
        assert_eq!(key("12025").year(), None);
        assert_eq!(key("FY2025").year(), Some(2025));
        assert_eq!(key("năm 2025").year(), Some(2025));
        assert_eq!(PeriodKey::of(None).year(), None);
        assert_eq!(key("0999 and 3000").year(), None);
        assert_eq!(key("2025-13").0, key("2025").0, "no month 13");
    }
}
