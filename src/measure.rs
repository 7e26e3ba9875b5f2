//! The arithmetic every evaluation shares: a share, and the F1 of a precision and a recall.

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_f1() {
        assert_eq!(ratio(1, 4), 0.25);
        assert_eq!(ratio(3, 0), 0.0);
        assert_eq!(f1(0.5, 0.5), 0.5);
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert!((f1(1.0, 0.5) - 2.0 / 3.0).abs() < 1e-12);
    }
}
