//! Content fingerprints: short stable hashes that name claims, findings and notices
//! across runs. A leaf module: claims, facts, the diff, the gate and the renderers all
//! use it, and it uses nothing.

/// A short stable hex fingerprint (FNV-1a 64) of the parts, separated by NUL.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = h.wrapping_mul(0x100000001b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_separated_so_moving_a_boundary_changes_the_fingerprint() {
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&["ab", "c"]), fingerprint(&["ab", "c"]));
        assert_eq!(fingerprint(&[]).len(), 16);
    }
}
