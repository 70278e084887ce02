//! The figures as CSV (RFC 4180): a header row, then one record per figure; fields with a
//! comma, a double quote or a line break are quoted, quotes doubled; lines end in CRLF.
//! Several values in one field (topics, documents) are joined by `; `.

use std::io::{self, Write};

use super::compare::MeasureGroup;
use super::{FigureRow, cell};

/// The columns, in order.
pub const HEADERS: [&str; 13] = [
    "brief",
    "label",
    "value",
    "measure",
    "kind",
    "amount",
    "amount_max",
    "unit",
    "period",
    "topics",
    "documents",
    "languages",
    "places",
];

/// Writes one record: fields quoted where RFC 4180 needs it.
pub fn write_record<S: AsRef<str>>(fields: &[S], out: &mut dyn Write) -> io::Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let f = field.as_ref();
        if f.contains([',', '"', '\r', '\n']) {
            write!(out, "\"{}\"", f.replace('"', "\"\""))?;
        } else {
            out.write_all(f.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// One figure's fields, in [`HEADERS`] order.
pub fn fields(row: &FigureRow) -> Vec<String> {
    let opt = |s: Option<&str>| s.map(cell).unwrap_or_default();
    let num = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    let join = |items: Vec<String>| cell(&items.join("; "));
    let docs = row.documents();
    vec![
        cell(&row.brief.id),
        cell(row.label()),
        cell(row.value()),
        opt(row.measure_id()),
        opt(row.kind()),
        num(row.measure.amount),
        num(row.measure.amount_max),
        opt(row.unit()),
        opt(row.period()),
        join(row.topics.iter().map(|t| t.id.clone()).collect()),
        join(docs.iter().map(|(id, _)| id.to_string()).collect()),
        join(docs.iter().map(|(_, lang)| lang.to_string()).collect()),
        join(row.quotes.iter().map(|q| q.place()).collect()),
    ]
}

/// The header row and one record per figure.
pub fn write_list(rows: &[FigureRow], out: &mut dyn Write) -> io::Result<()> {
    write_record(&HEADERS, out)?;
    for row in rows {
        write_record(&fields(row), out)?;
    }
    Ok(())
}

/// The same columns, the figures of each measure together and in time order.
pub fn write_comparison(groups: &[MeasureGroup], out: &mut dyn Write) -> io::Result<()> {
    write_record(&HEADERS, out)?;
    for row in groups.iter().flat_map(|g| g.rows.iter()) {
        write_record(&fields(row), out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_where_needed() {
        let mut out = Vec::new();
        write_record(&["plain", "a, b", "say \"hi\"", "", "đồng"], &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a, b\",\"say \"\"hi\"\"\",,đồng\r\n"
        );
    }
}
