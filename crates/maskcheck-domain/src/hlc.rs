//! Hybrid logical clock: orders changes across laptops without trusting their wall clocks alone.
//! Encoded as a fixed-width string so that text order is clock order (SQLite compares it directly).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
    pub device: String,
}

impl Hlc {
    /// The next stamp for a local change: never behind `prev`, never behind the wall clock.
    pub fn tick(prev: Option<&Hlc>, now_ms: i64, device: &str) -> Hlc {
        match prev {
            Some(p) if p.wall_ms >= now_ms => Hlc { wall_ms: p.wall_ms, counter: p.counter + 1, device: device.into() },
            _ => Hlc { wall_ms: now_ms, counter: 0, device: device.into() },
        }
    }

    /// The stamp after receiving `remote`: ahead of both the local clock and the remote one.
    pub fn observe(prev: Option<&Hlc>, remote: &Hlc, now_ms: i64, device: &str) -> Hlc {
        let local = prev.map(|p| (p.wall_ms, p.counter)).unwrap_or((i64::MIN, 0));
        let wall = now_ms.max(local.0).max(remote.wall_ms);
        let counter = if wall == local.0 && wall == remote.wall_ms {
            local.1.max(remote.counter) + 1
        } else if wall == local.0 {
            local.1 + 1
        } else if wall == remote.wall_ms {
            remote.counter + 1
        } else {
            0
        };
        Hlc { wall_ms: wall, counter, device: device.into() }
    }

    pub fn parse(s: &str) -> Option<Hlc> {
        let mut parts = s.splitn(3, '.');
        let wall_ms = parts.next()?.parse().ok()?;
        let counter = parts.next()?.parse().ok()?;
        let device = parts.next()?.to_string();
        Some(Hlc { wall_ms, counter, device })
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // 15 digits of milliseconds (until the year 33658) and 10 of counter (all of u32): fixed width, so text
        // order is clock order for every value the clock can hold.
        write!(f, "{:015}.{:010}.{}", self.wall_ms.max(0), self.counter, self.device)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_is_monotonic_even_when_the_wall_clock_goes_back() {
        let a = Hlc::tick(None, 1_000, "d1");
        let b = Hlc::tick(Some(&a), 900, "d1");
        let c = Hlc::tick(Some(&b), 2_000, "d1");
        assert!(a < b && b < c);
        assert!(a.to_string() < b.to_string() && b.to_string() < c.to_string());
        assert_eq!(Hlc::parse(&c.to_string()), Some(c));
    }

    #[test]
    fn observe_moves_past_remote() {
        let local = Hlc::tick(None, 1_000, "d1");
        let remote = Hlc { wall_ms: 5_000, counter: 7, device: "d2".into() };
        let next = Hlc::observe(Some(&local), &remote, 1_100, "d1");
        assert_eq!((next.wall_ms, next.counter), (5_000, 8));
        assert!(next.to_string() > remote.to_string() || next.device > remote.device);
    }

    #[test]
    fn text_order_is_clock_order_at_the_bounds() {
        let stamps = [
            Hlc { wall_ms: 0, counter: 0, device: "a".into() },
            Hlc { wall_ms: 0, counter: 99_999_999, device: "a".into() },
            Hlc { wall_ms: 0, counter: 100_000_000, device: "a".into() },
            Hlc { wall_ms: 0, counter: u32::MAX, device: "a".into() },
            Hlc { wall_ms: 1, counter: 0, device: "a".into() },
            Hlc { wall_ms: 1_800_000_000_000, counter: 9, device: "a".into() },
            Hlc { wall_ms: 1_800_000_000_000, counter: 10, device: "a".into() },
            Hlc { wall_ms: 999_999_999_999_999, counter: u32::MAX, device: "z".into() },
        ];
        for w in stamps.windows(2) {
            assert!(w[0] < w[1] && w[0].to_string() < w[1].to_string(), "{} / {}", w[0], w[1]);
            assert_eq!(Hlc::parse(&w[1].to_string()).as_ref(), Some(&w[1]));
        }
    }
}
