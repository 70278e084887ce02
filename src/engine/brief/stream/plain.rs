//! Plain scalars resolved as serde_yaml 0.9 resolves them, so that the streaming reader
//! hands each visitor what serde_yaml would: `~` is null, `0x1F` is 31, `1.50` is 1.5,
//! `007` is text.

use std::borrow::Cow;
use std::num::ParseIntError;

use serde::de::Visitor;

use super::GiveUp;

/// A plain scalar as serde_yaml 0.9 resolves one: null, a boolean, an integer, a float,
/// else the text itself.
pub(super) fn untagged<'de, V: Visitor<'de>>(
    visitor: V,
    value: Cow<str>,
) -> Result<V::Value, GiveUp> {
    let v = value.as_ref();
    if v.is_empty() || is_null(v) {
        return visitor.visit_unit();
    }
    match v {
        "true" | "True" | "TRUE" => return visitor.visit_bool(true),
        "false" | "False" | "FALSE" => return visitor.visit_bool(false),
        _ => {}
    }
    // Every number below starts with a digit, a sign or a point (the float parser's own
    // `inf` and `nan` are not finite, so never taken): anything else is text.
    if !v.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
        return text(visitor, value);
    }
    if let Some(n) = unsigned(v, u64::from_str_radix) {
        return visitor.visit_u64(n);
    }
    if let Some(n) = signed(v, i64::from_str_radix) {
        return visitor.visit_i64(n);
    }
    if let Some(n) = unsigned(v, u128::from_str_radix) {
        return visitor.visit_u128(n);
    }
    if let Some(n) = signed(v, i128::from_str_radix) {
        return visitor.visit_i128(n);
    }
    if !leading_zeros(v)
        && let Some(f) = float(v)
    {
        return visitor.visit_f64(f);
    }
    text(visitor, value)
}

/// A scalar read as text: moved where the parser made it, else copied from the brief.
pub(super) fn text<'de, V: Visitor<'de>>(visitor: V, value: Cow<str>) -> Result<V::Value, GiveUp> {
    match value {
        Cow::Owned(s) => visitor.visit_string(s),
        Cow::Borrowed(s) => visitor.visit_str(s),
    }
}

pub(super) fn is_null(v: &str) -> bool {
    matches!(v, "null" | "Null" | "NULL" | "~")
}

const RADIXES: [(&str, u32); 3] = [("0x", 16), ("0o", 8), ("0b", 2)];

type Radix<T> = fn(&str, u32) -> Result<T, ParseIntError>;

/// A non-negative integer: an optional `+`, then `0x`, `0o`, `0b` digits or decimal
/// digits without a leading zero.
fn unsigned<T>(v: &str, parse: Radix<T>) -> Option<T> {
    let body = v.strip_prefix('+').unwrap_or(v);
    for (prefix, radix) in RADIXES {
        if let Some(digits) = body.strip_prefix(prefix) {
            if digits.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(n) = parse(digits, radix) {
                return Some(n);
            }
        }
    }
    if body.starts_with(['+', '-']) || leading_zeros(v) {
        return None;
    }
    parse(body, 10).ok()
}

/// A negative integer (`-0x…`, `-0o…`, `-0b…`, or decimal), or any decimal the type takes.
fn signed<T>(v: &str, parse: Radix<T>) -> Option<T> {
    if let Some(rest) = v.strip_prefix('-') {
        for (prefix, radix) in RADIXES {
            if let Some(digits) = rest.strip_prefix(prefix)
                && let Ok(n) = parse(&format!("-{digits}"), radix)
            {
                return Some(n);
            }
        }
    }
    if leading_zeros(v) {
        return None;
    }
    parse(v, 10).ok()
}

/// A finite float, or one of YAML's infinities and NaNs.
fn float(v: &str) -> Option<f64> {
    let body = match v.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => v,
    };
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return Some(f64::INFINITY);
    }
    match v {
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    body.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Digits after a zero (`007`, `-01`): text in YAML 1.2, not a number.
fn leading_zeros(v: &str) -> bool {
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}
