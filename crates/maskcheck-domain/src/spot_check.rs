//! 双随机 planning: a random draw of enterprises to check and a random pairing of inspectors, reproducible by anyone
//! who has the recorded candidates and seed (the 双随机一公开 rule: the draw is published and can be re-run). The
//! procedure is fixed and written here so it can be re-implemented elsewhere:
//!
//! 1. The candidates (the enterprises matching the criteria) are sorted by USCC; the inspectors by certificate number.
//! 2. A SplitMix64 generator is started from the seed (`next`: add 0x9E3779B97F4A7C15, then the three mix steps).
//! 3. Enterprises: a partial Fisher–Yates shuffle — for i in 0..k, j = i + next() mod (n − i), swap i and j; the first
//!    k in that order are the draw.
//! 4. Inspectors: a full Fisher–Yates shuffle the same way (continuing the same generator), then consecutive pairs;
//!    an odd one out joins the first pair's second inspector as a pair. Drawn enterprise m goes to pair m mod pairs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enterprise::EnterpriseKind;
use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::inspection::Inspector;

/// How many to draw: a count, or a share of the candidates in percent (rounded up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DrawSize {
    Count(u32),
    Percent(u8),
}

/// Who may be drawn: the enterprises of these counties (all when empty), of these kinds (all when empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawCriteria {
    pub counties: Vec<String>,
    pub kinds: Vec<EnterpriseKind>,
}

/// An enterprise that may be drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub enterprise_id: String,
    pub uscc: String,
    pub name: String,
}

/// One drawn enterprise and the two inspectors drawn to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawnCheck {
    /// 1-based order of the draw.
    pub position: u32,
    pub enterprise_id: String,
    pub uscc: String,
    pub name: String,
    pub inspectors: Vec<Inspector>,
}

/// The SplitMix64 generator (Steele, Lea and Flood 2014), as written in the module's procedure.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index in `i..n`.
    fn pick(&mut self, i: usize, n: usize) -> usize {
        i + (self.next() % (n - i) as u64) as usize
    }
}

/// How many of `n` candidates a size asks for.
pub fn draw_count(size: DrawSize, n: usize) -> usize {
    match size {
        DrawSize::Count(k) => (k as usize).min(n),
        DrawSize::Percent(p) => (n * usize::from(p)).div_ceil(100),
    }
}

/// Draws by the module's procedure. Refused when fewer than two inspectors, a size of nothing or more than 100 %,
/// or no candidate.
pub fn draw(
    candidates: &[Candidate],
    inspectors: &[Inspector],
    size: DrawSize,
    seed: u64,
) -> Result<Vec<DrawnCheck>, ValidationErrors> {
    let mut c = Checker::default();
    crate::inspection::check_inspectors(&mut c, inspectors);
    match size {
        DrawSize::Count(0) | DrawSize::Percent(0) => c.push(Field::DrawSize, Rule::OutOfRange, "0"),
        DrawSize::Percent(p) if p > 100 => c.push(Field::DrawSize, Rule::OutOfRange, format!("{p}%")),
        _ => {}
    }
    if candidates.is_empty() {
        c.push(Field::DrawSize, Rule::NothingToDraw, "");
    }
    c.finish(())?;

    let mut pool: Vec<&Candidate> = candidates.iter().collect();
    pool.sort_by(|a, b| a.uscc.cmp(&b.uscc));
    let mut people: Vec<&Inspector> = inspectors.iter().collect();
    people.sort_by(|a, b| a.cert_no.cmp(&b.cert_no));
    let mut rng = SplitMix64(seed);
    let k = draw_count(size, pool.len());
    let n = pool.len();
    for i in 0..k {
        let j = rng.pick(i, n);
        pool.swap(i, j);
    }
    let m = people.len();
    for i in 0..m {
        let j = rng.pick(i, m);
        people.swap(i, j);
    }
    let mut pairs: Vec<Vec<Inspector>> =
        people.chunks(2).filter(|p| p.len() == 2).map(|p| p.iter().map(|i| (*i).clone()).collect()).collect();
    if m % 2 == 1 {
        pairs.push(vec![people[1].clone(), people[m - 1].clone()]);
    }
    Ok(pool[..k]
        .iter()
        .enumerate()
        .map(|(i, e)| DrawnCheck {
            position: i as u32 + 1,
            enterprise_id: e.enterprise_id.clone(),
            uscc: e.uscc.clone(),
            name: e.name.clone(),
            inspectors: pairs[i % pairs.len()].clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|i| Candidate {
                enterprise_id: format!("e{i}"),
                uscc: format!("9141070{i:011}"),
                name: format!("企业{i}"),
            })
            .collect()
    }

    fn people(n: usize) -> Vec<Inspector> {
        (0..n).map(|i| Inspector { name: format!("执法{i}"), cert_no: format!("HA{i:04}") }).collect()
    }

    #[test]
    fn the_generator_is_splitmix64() {
        // Reference values of SplitMix64 from seed 1234567 (Vigna's C implementation).
        let mut g = SplitMix64(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| g.next()).collect();
        assert_eq!(got, [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]);
    }

    #[test]
    fn the_same_seed_and_candidates_give_the_same_draw_whatever_their_order() {
        let cs = candidates(40);
        let a = draw(&cs, &people(5), DrawSize::Percent(25), 20_261_124).expect("draw");
        let mut reversed = cs.clone();
        reversed.reverse();
        let b = draw(&reversed, &people(5), DrawSize::Percent(25), 20_261_124).expect("draw");
        assert_eq!(a, b);
        assert_eq!(a.len(), 10, "25 % of 40");
        let other = draw(&cs, &people(5), DrawSize::Percent(25), 20_261_125).expect("draw");
        assert_ne!(a, other, "another seed, another draw");
        let ids: std::collections::BTreeSet<&str> = a.iter().map(|d| d.enterprise_id.as_str()).collect();
        assert_eq!(ids.len(), 10, "no enterprise twice");
        for d in &a {
            assert_eq!(d.inspectors.len(), 2);
            assert_ne!(d.inspectors[0], d.inspectors[1], "two different inspectors");
        }
    }

    #[test]
    fn sizes_and_refusals() {
        let cs = candidates(7);
        type Case = (DrawSize, usize, Option<Rule>);
        let cases: [Case; 6] = [
            (DrawSize::Count(3), 2, None),
            (DrawSize::Count(30), 2, None),
            (DrawSize::Percent(10), 2, None),
            (DrawSize::Count(0), 2, Some(Rule::OutOfRange)),
            (DrawSize::Percent(101), 2, Some(Rule::OutOfRange)),
            (DrawSize::Count(3), 1, Some(Rule::TooFewInspectors)),
        ];
        for (size, inspectors, refused) in cases {
            match (draw(&cs, &people(inspectors), size, 7), refused) {
                (Ok(d), None) => assert_eq!(d.len(), draw_count(size, 7), "{size:?}"),
                (Err(e), Some(rule)) => assert!(e.0.iter().any(|f| f.rule == rule), "{size:?}: {e:?}"),
                (got, want) => panic!("{size:?} with {inspectors}: {got:?}, wanted refusal {want:?}"),
            }
        }
        assert_eq!(draw_count(DrawSize::Count(30), 7), 7);
        assert_eq!(draw_count(DrawSize::Percent(10), 7), 1, "rounded up");
        let none = draw(&[], &people(2), DrawSize::Count(1), 1).expect_err("no candidate");
        assert!(none.0.iter().any(|f| f.rule == Rule::NothingToDraw));
    }
}
