//! Property tests of sync with real sites (real SQLite, real bundles): whatever the edits, and whatever happens to
//! the bundles on the way — lost, delivered twice, delivered late and out of order — once every site has exchanged
//! bundles with the bureau again, all three hold the same roster, and re-importing anything changes nothing.

use std::path::PathBuf;

use maskcheck_app::App;
use maskcheck_domain::{EnterpriseInput, EnterpriseQuery, Role};
use proptest::prelude::*;

const USCC: &str = "91350100M000100Y43";

struct Site {
    dir: tempfile::TempDir,
    app: App,
    id: String,
}

fn site(name: &str, cert: &str, role: Role) -> Site {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    app.setup(maskcheck_app::bureau_person(name, cert, role)).expect("setup");
    let id = app.device_show().expect("show").id;
    Site { dir, app, id }
}

/// Bureau (0) and two laptops (1, 2), enrolled and with the bureau confirmed, sharing one enterprise.
fn sites() -> Vec<Site> {
    let sites = vec![
        site("局端", "HA9000", Role::Bureau),
        site("张三", "HA0001", Role::Inspector),
        site("李四", "HA0002", Role::Inspector),
    ];
    let mut e = EnterpriseInput::new("新乡市卫滨区康达口罩厂", USCC);
    e.phone = Some("0".into());
    sites[0].app.create_enterprise(e).expect("roster");
    let fp = sites[0].app.device_show().expect("bureau").fingerprint_groups;
    for i in 1..3 {
        let card = sites[i].dir.path().join("card.json");
        sites[i].app.write_identity(&card).expect("card");
        sites[0].app.enrol_device(&card).expect("enrol");
    }
    for i in 1..3 {
        let b = export(&sites, 0, i, "first");
        sites[i].app.import_bundle(&b, Some(&fp)).expect("accept");
    }
    sites
}

fn export(sites: &[Site], from: usize, to: usize, tag: &str) -> PathBuf {
    let out = sites[from].dir.path().join(format!("{tag}-{}-{to}.mcb", uuid_like()));
    sites[from].app.export_bundle(&out, Some(&sites[to].id)).expect("export");
    out
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::SeqCst).to_string()
}

/// The fields the edits touch, as each site holds them.
fn state(s: &Site) -> (Option<String>, Option<String>, Option<String>) {
    let page = s.app.list_enterprises(EnterpriseQuery { text: Some(USCC.into()), ..Default::default() }).expect("list");
    let id = page.rows[0].id.clone();
    let e = s.app.enterprise_detail(&id).expect("detail").enterprise.data;
    (e.phone, e.note, e.contact)
}

#[derive(Debug, Clone)]
enum Step {
    /// Site edits a field (0 phone, 1 note, 2 contact) to a value.
    Edit { site: usize, field: u8, value: u8 },
    /// A laptop and the bureau make bundles for each other; each is delivered now, later, twice, or lost.
    Exchange { laptop: usize, fate_up: u8, fate_down: u8 },
    /// Bundles held back arrive, in reverse order.
    Deliver,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..3, 0u8..3, 0u8..4).prop_map(|(site, field, value)| Step::Edit { site, field, value }),
        (1usize..3, 0u8..4, 0u8..4).prop_map(|(laptop, fate_up, fate_down)| Step::Exchange {
            laptop,
            fate_up,
            fate_down
        }),
        Just(Step::Deliver),
    ]
}

fn edit(s: &Site, field: u8, value: u8) {
    let page = s.app.list_enterprises(EnterpriseQuery { text: Some(USCC.into()), ..Default::default() }).expect("list");
    let e = s.app.enterprise_detail(&page.rows[0].id).expect("detail").enterprise;
    let mut data = e.data;
    let v = Some(format!("{}{value}", s.id.get(..2).unwrap_or("x")));
    match field {
        0 => data.phone = Some(format!("139{value:08}")),
        1 => data.note = v,
        _ => data.contact = v,
    }
    s.app.update_enterprise(&e.id, data).expect("edit");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn sites_converge_whatever_happens_to_the_bundles(steps in prop::collection::vec(step(), 1..14)) {
        let sites = sites();
        let mut held: Vec<(usize, PathBuf)> = Vec::new();
        let mut applied: Vec<(usize, PathBuf)> = Vec::new();
        let deliver = |to: usize, b: PathBuf, fate: u8, held: &mut Vec<(usize, PathBuf)>, applied: &mut Vec<(usize, PathBuf)>| {
            match fate {
                0 => {
                    sites[to].app.import_bundle(&b, None).expect("import");
                    applied.push((to, b));
                }
                1 => held.push((to, b)),
                2 => {
                    sites[to].app.import_bundle(&b, None).expect("import");
                    assert!(sites[to].app.import_bundle(&b, None).expect("twice").already_applied);
                    applied.push((to, b));
                }
                _ => {} // lost
            }
        };
        for s in &steps {
            match s {
                Step::Edit { site, field, value } => edit(&sites[*site], *field, *value),
                Step::Exchange { laptop, fate_up, fate_down } => {
                    let up = export(&sites, *laptop, 0, "up");
                    let down = export(&sites, 0, *laptop, "down");
                    deliver(0, up, *fate_up, &mut held, &mut applied);
                    deliver(*laptop, down, *fate_down, &mut held, &mut applied);
                }
                Step::Deliver => {
                    for (to, b) in held.drain(..).rev() {
                        sites[to].app.import_bundle(&b, None).expect("late import");
                        applied.push((to, b));
                    }
                }
            }
        }
        // Everyone exchanges with the bureau until nothing is outstanding: up from both, then down to both, twice.
        for _ in 0..2 {
            for l in 1..3 {
                let b = export(&sites, l, 0, "final-up");
                sites[0].app.import_bundle(&b, None).expect("final up");
            }
            for l in 1..3 {
                let b = export(&sites, 0, l, "final-down");
                sites[l].app.import_bundle(&b, None).expect("final down");
            }
        }
        let bureau = state(&sites[0]);
        prop_assert_eq!(&state(&sites[1]), &bureau, "laptop 1 and the bureau differ after {:?}", steps);
        prop_assert_eq!(&state(&sites[2]), &bureau, "laptop 2 and the bureau differ after {:?}", steps);
        // Re-importing any bundle applied before changes nothing.
        for (to, b) in applied.iter().take(3) {
            prop_assert!(sites[*to].app.import_bundle(b, None).expect("again").already_applied);
        }
    }
}
