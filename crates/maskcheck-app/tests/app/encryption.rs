//! A lost laptop leaks nothing: an encrypted data directory holds no readable record, photo, document or key; a
//! wrong passphrase opens nothing and changes nothing; a plain directory is encrypted in place without losing a
//! row; a forgotten passphrase is recovered by the bureau and by no one else.

use std::path::Path;

use maskcheck_app::{App, BackupReason, DirState, ErrorCode, IssueRequest};
use maskcheck_domain::{EnterpriseInput, ProfileInput, Role};

const PASS: &str = "正确的口令 horse 2026";
const NAME: &str = "亭湖区绝密口罩有限公司";
const USCC: &str = "91350100M000100Y43";

use maskcheck_tests::at_rest::{assert_hidden, files_under as files, snapshot};

/// Every file of the directory is checked for what would give the data away: the enterprise's name and credit
/// code, a SQLite header, a picture's or a PDF's signature.
fn assert_nothing_readable(dir: &Path) {
    let all = files(dir);
    assert!(all.len() >= 4, "a directory with data: {all:?}");
    assert_hidden(dir, NAME);
    assert_hidden(dir, USCC);
    for f in all {
        let bytes = std::fs::read(&f).expect("read");
        let shown = f.display();
        assert!(!bytes.starts_with(b"SQLite format 3"), "{shown} is a plain database");
        assert!(
            !bytes.starts_with(b"\x89PNG") && !bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            "{shown} is a plain picture"
        );
        assert!(!bytes.starts_with(b"%PDF"), "{shown} is a plain PDF");
    }
}

fn inspector() -> ProfileInput {
    maskcheck_app::demo_profile()
}

/// An enterprise named NAME, inspected with a photo, a rectification notice issued, and a campaign task with a
/// text file as evidence that names it.
fn records(app: &App, scratch: &Path) -> String {
    let mut e = EnterpriseInput::new(NAME, USCC);
    e.county = Some(app.setup_status().expect("status").profile.expect("profile").county);
    let id = app.create_enterprise(e).expect("enterprise").id;
    let started = app.start_inspection(&id, "nonMedicalMaker", None).expect("start");
    let photo = scratch.join("label.png");
    image::RgbImage::from_pixel(300, 200, image::Rgb([200, 30, 30])).save(&photo).expect("png");
    app.attach_photo(&started.id, "label:x", &photo.display().to_string(), NAME).expect("photo");
    assert_eq!(app.inspection(&started.id).expect("draft").photos.len(), 1, "a thumbnail is made");
    let inspection = maskcheck_tests::records::finished_inspection(app, &id);
    app.issue_document(&IssueRequest::RectificationNotice {
        inspection_id: inspection,
        deadline: Some(maskcheck_app::today() + chrono::Duration::days(5)),
        corrections: vec![format!("{NAME}整改成品仓库分区。")],
    })
    .expect("notice");
    let evidence = scratch.join("evidence.txt");
    std::fs::write(&evidence, format!("{NAME} {USCC} 已整改")).expect("evidence");
    app.set_task_status(&maskcheck_app::TaskStatusInput {
        task_key: "nm01".into(),
        unit: None,
        status: maskcheck_domain::campaign::TaskStatus::InProgress,
        note: String::new(),
        evidence: Vec::new(),
        file: Some(evidence.display().to_string()),
    })
    .expect("evidence file");
    id
}

#[test]
fn an_encrypted_directory_keeps_nothing_readable_on_disk() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let data = dir.path().join("data");
    let (app, _) = App::create_data_dir(&data, inspector(), Some(PASS), Some(PASS)).expect("create encrypted");
    let id = records(&app, scratch.path());
    let doc = app.documents(&Default::default()).expect("docs")[0].id.clone();
    drop(app);
    // The next start takes the day's backup (encrypted too).
    let app = App::open_with(&data, Some(PASS)).expect("unlock");
    assert!(!app.backups().expect("backups").is_empty());
    let usb = scratch.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    app.backup_to_folder(&usb).expect("copy to a stick");
    // Everything reads back through the key.
    assert_eq!(app.enterprise_detail(&id).expect("detail").enterprise.data.name, NAME);
    assert!(app.document_pdf(&doc).expect("pdf").starts_with(b"%PDF"));
    let b = app.backups().expect("backups");
    assert!(b.iter().all(|b| b.holds.as_ref().is_some_and(|h| h.enterprises == 1)), "backups read with the key: {b:?}");
    drop(app);
    assert_eq!(App::dir_state(&data), DirState::Encrypted);
    assert_nothing_readable(&data);
    assert_nothing_readable(&usb);
}

#[test]
fn a_wrong_passphrase_opens_nothing_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let data = dir.path().join("data");
    let (app, _) = App::create_data_dir(&data, inspector(), Some(PASS), Some(PASS)).expect("create");
    records(&app, scratch.path());
    drop(app);
    let before = snapshot(&data);
    for wrong in ["正确的口令 horse 2027", "", "correct"] {
        let err = App::open_with(&data, Some(wrong)).err().expect("a wrong passphrase opened the directory");
        assert_eq!(err.code, ErrorCode::WrongPassphrase, "{wrong:?}: {err:?}");
        let err = App::open_read_only_with(&data, Some(wrong)).err().expect("read-only too");
        assert_eq!(err.code, ErrorCode::WrongPassphrase);
        let err = App::unlock_for_window(&data, Some(wrong)).err().expect("the window's unlock too");
        assert_eq!(err.code, ErrorCode::WrongPassphrase);
    }
    let err = App::open_existing_with(&data, None).err().expect("no passphrase");
    assert_eq!(err.code, ErrorCode::Locked);
    assert_eq!(App::open(&data).err().expect("plain open").code, ErrorCode::Locked);
    assert_eq!(snapshot(&data), before, "a refused unlock changed a file");
}

#[test]
fn a_new_passphrase_is_checked_before_anything_is_created() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    for (p, c) in [("short", "short"), (PASS, "another one entirely")] {
        let err = App::create_data_dir(&data, inspector(), Some(p), Some(c)).err().expect("refused");
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(!data.exists(), "a refused setup created {}", data.display());
    }
}

#[test]
fn a_plain_directory_is_encrypted_in_place_after_a_backup_and_a_check() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let data = dir.path().join("data");
    let app = App::open(&data).expect("plain");
    app.load_demo(60, 3).expect("demo");
    records(&app, scratch.path());
    let before = app.dashboard().expect("dashboard");
    let docs = app.documents(&Default::default()).expect("docs").len();
    drop(app);
    drop(App::open(&data).expect("a daily backup"));

    let err = App::encrypt_data_dir(&data, PASS, "not the same").expect_err("confirmation differs");
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(App::dir_state(&data), DirState::Plain, "a refusal encrypted nothing");

    let r = App::encrypt_data_dir(&data, PASS, PASS).expect("encrypt");
    assert!(r.tables_checked > 20 && r.rows_checked > 60, "{r:?}");
    assert!(r.files_sealed >= 4, "photo, evidence, PDFs and the device key: {r:?}");
    assert!(r.backups_sealed >= 2, "the daily and the before-encryption copies: {r:?}");
    assert_eq!(App::dir_state(&data), DirState::Encrypted);
    assert!(!data.join("encrypting").exists() && !data.join("maskcheck.db.encrypted").exists());
    assert_nothing_readable(&data);

    let app = App::open_with(&data, Some(PASS)).expect("unlock");
    let after = app.dashboard().expect("dashboard");
    assert_eq!(after.enterprise_count, before.enterprise_count);
    assert_eq!(app.documents(&Default::default()).expect("docs").len(), docs);
    let backups = app.backups().expect("backups");
    let copy = backups.iter().find(|b| b.reason == BackupReason::BeforeEncryption).expect("the copy taken first");
    assert_eq!(copy.holds.as_ref().expect("read with the key").enterprises, before.enterprise_count);
    let again = App::encrypt_data_dir(&data, PASS, PASS);
    drop(app);
    assert_eq!(again.expect_err("twice").code, ErrorCode::AlreadyEncrypted);
}

#[test]
fn an_encryption_cut_short_is_finished_at_the_next_open() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let data = dir.path().join("data");
    let (app, _) = App::create_data_dir(&data, inspector(), Some(PASS), Some(PASS)).expect("create");
    let id = records(&app, scratch.path());
    drop(app);
    // As if the process died after the database was swapped in but before this photo was sealed.
    let photo = files(&data.join("attachments"))
        .into_iter()
        .find(|p| !p.to_string_lossy().contains("thumbs"))
        .expect("a photo");
    let plain = std::fs::read(scratch.path().join("label.png")).expect("png");
    let sealed = std::fs::read(&photo).expect("sealed");
    std::fs::write(&photo, &plain).expect("plain again");
    std::fs::write(data.join("encrypting"), b"").expect("marker");
    let app = App::open_with(&data, Some(PASS)).expect("unlock");
    assert!(!data.join("encrypting").exists(), "finished");
    let now = std::fs::read(&photo).expect("read");
    assert!(now.starts_with(b"age-encryption.org/v1") && now != sealed, "sealed again");
    let with_photo = app
        .list_inspections(Some(&id), false)
        .expect("list")
        .into_iter()
        .map(|r| app.inspection(&r.id).expect("inspection").photos.len())
        .sum::<usize>();
    assert_eq!(with_photo, 1, "the photo reads back through the key");
    drop(app);
    assert_nothing_readable(&data);
}

#[test]
fn a_damaged_encrypted_database_opens_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let app = App::open_with(&data, Some(PASS)).expect("create");
    app.load_demo(300, 4).expect("demo");
    drop(app);
    drop(App::open_with(&data, Some(PASS)).expect("a daily backup"));
    let db = data.join("maskcheck.db");
    maskcheck_tests::records::damage_database(&db);
    let before = std::fs::read(&db).expect("db");
    let app = App::open_with(&data, Some(PASS)).expect("opens read-only");
    assert!(app.setup_status().expect("status").damaged.is_some(), "the check found the damage");
    let refused = app.create_enterprise(EnterpriseInput::new("新乡市卫滨区新厂", USCC)).expect_err("no write");
    assert_eq!(refused.code, ErrorCode::DatabaseDamaged);
    assert!(!app.backups().expect("backups").is_empty(), "the restore is offered");
    drop(app);
    assert_eq!(std::fs::read(&db).expect("db"), before, "never written");
}

#[test]
fn every_earlier_schema_migrates_then_encrypts() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../maskcheck-store/tests/fixtures");
    for v in 1..App::schema_version() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::copy(fixtures.join(format!("schema-{v}.db")), dir.path().join("maskcheck.db")).expect("fixture");
        let r = App::encrypt_data_dir(dir.path(), PASS, PASS).unwrap_or_else(|e| panic!("schema {v}: {e:?}"));
        assert!(r.rows_checked > 0, "schema {v}: {r:?}");
        let app = App::open_existing_with(dir.path(), Some(PASS)).expect("unlock");
        assert!(app.dashboard().is_ok(), "schema {v}");
        drop(app);
        assert!(files(dir.path()).iter().all(|f| !std::fs::read(f).expect("read").starts_with(b"SQLite format 3")));
    }
}

fn site(dir: &Path, name: &str, cert: &str, role: Role, passphrase: Option<&str>) -> App {
    let person = maskcheck_app::bureau_person(name, cert, role);
    App::create_data_dir(dir, person, passphrase, passphrase).expect("site").0
}

#[test]
fn the_bureau_recovers_a_forgotten_passphrase_and_no_one_else_can() {
    let root = tempfile::tempdir().expect("dir");
    let bureau = site(&root.path().join("bureau"), "局端", "HA9000", Role::Bureau, Some("局端的口令 2026"));
    let other = site(&root.path().join("other"), "别的局", "HA9100", Role::Bureau, None);
    let laptop_dir = root.path().join("laptop");
    let laptop = site(&laptop_dir, "张三", "HA0001", Role::Inspector, Some(PASS));
    let card = root.path().join("identity.json");
    laptop.write_identity(&card).expect("identity");
    bureau.enrol_device(&card).expect("enrol");
    let laptop_id = laptop.device_show().expect("show").id;
    // Before a bureau is pinned there is nothing to recover with.
    let early = App::write_recovery_file(&laptop_dir, &root.path().join("early.json")).expect_err("no bureau yet");
    assert_eq!(early.code, ErrorCode::RecoveryRefused);
    let first = root.path().join("first.mcb");
    bureau.export_bundle(&first, Some(&laptop_id)).expect("export");
    let fp = bureau.device_show().expect("bureau").fingerprint_groups;
    laptop.import_bundle(&first, Some(&fp)).expect("accept the bureau");
    let status = laptop.encryption().expect("status");
    assert!(status.recoverable, "{status:?}");
    assert_eq!(status.recovery_bureau.as_deref(), Some(fp.as_str()));
    drop(laptop);

    // The inspector forgets the passphrase: the recovery file is written without it.
    let request = root.path().join("recovery.json");
    App::write_recovery_file(&laptop_dir, &request).expect("recovery file");
    let text = std::fs::read_to_string(&request).expect("read");
    assert!(!text.contains("AGE-SECRET-KEY"), "the secret is sealed");
    let key_file = root.path().join("new-key.json");
    let new = "局端重设的口令 0815";
    // Another bureau's key does not open it, and neither does the laptop's own data.
    let err = other.recover_passphrase(&request, new, new, &key_file).expect_err("another bureau");
    assert_eq!(err.code, ErrorCode::RecoveryRefused);
    assert!(!key_file.exists());
    let own = App::open_with(&laptop_dir, Some(PASS)).expect("the laptop, while it still knew its passphrase");
    let err = own.recover_passphrase(&request, new, new, &key_file).expect_err("the laptop's own keys");
    assert_eq!(err.code, ErrorCode::RecoveryRefused);
    drop(own);

    let who = bureau.recover_passphrase(&request, new, new, &key_file).expect("the bureau opens it");
    assert_eq!((who.device_id.as_str(), who.person.as_str()), (laptop_id.as_str(), "张三"));
    let before = snapshot(&laptop_dir);
    let wrong = App::install_recovered_keyring(&laptop_dir, &key_file, "not what the bureau said");
    assert_eq!(wrong.expect_err("wrong").code, ErrorCode::WrongPassphrase);
    // A key file made for another directory does not fit this one.
    let stranger_dir = root.path().join("stranger");
    drop(site(&stranger_dir, "李四", "HA0002", Role::Inspector, Some(PASS)));
    let err = App::install_recovered_keyring(&stranger_dir, &key_file, new).expect_err("another directory");
    assert_eq!(err.code, ErrorCode::RecoveryRefused);
    assert_eq!(snapshot(&laptop_dir), before, "refused installs changed nothing");

    App::install_recovered_keyring(&laptop_dir, &key_file, new).expect("install");
    assert_eq!(App::open_with(&laptop_dir, Some(PASS)).err().expect("old").code, ErrorCode::WrongPassphrase);
    let laptop = App::open_with(&laptop_dir, Some(new)).expect("the new passphrase opens it");
    laptop.change_passphrase(new, "我自己的新口令 2027", "我自己的新口令 2027").expect("change");
    assert_eq!(
        laptop.change_passphrase("wrong one!", PASS, PASS).expect_err("old wrong").code,
        ErrorCode::WrongPassphrase
    );
    drop(laptop);
    App::open_with(&laptop_dir, Some("我自己的新口令 2027")).expect("own passphrase");
    assert!(App::encryption_of(&laptop_dir).expect("status").recoverable, "still recoverable");
}

#[test]
fn the_idle_lock_is_kept_with_the_keyring() {
    let dir = tempfile::tempdir().expect("dir");
    let (app, _) = App::create_data_dir(dir.path(), inspector(), Some(PASS), Some(PASS)).expect("create");
    assert_eq!(app.encryption().expect("status").idle_lock_minutes, Some(10));
    assert_eq!(app.set_idle_lock(0).expect_err("zero").code, ErrorCode::Validation);
    assert_eq!(app.set_idle_lock(5).expect("set").idle_lock_minutes, Some(5));
    drop(app);
    assert_eq!(App::encryption_of(dir.path()).expect("locked").idle_lock_minutes, Some(5), "readable while locked");
    let plain = tempfile::tempdir().expect("plain");
    let app = App::open(plain.path()).expect("plain");
    assert_eq!(app.set_idle_lock(5).expect_err("plain").code, ErrorCode::NotEncrypted);
}

/// Bundles between encrypted directories: what an export spools and an import stages is sealed too, photos and
/// issued PDFs arrive readable through the receiver's key, and neither directory holds the name in the clear.
#[test]
fn bundles_between_encrypted_directories_carry_photos_and_pdfs_and_leave_no_plaintext() {
    let root = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let bureau_dir = root.path().join("bureau");
    let laptop_dir = root.path().join("laptop");
    let bureau = site(&bureau_dir, "局端", "HA9000", Role::Bureau, Some("局端的口令 2026"));
    let laptop = site(&laptop_dir, "张三", "HA0001", Role::Inspector, Some(PASS));
    let card = root.path().join("identity.json");
    laptop.write_identity(&card).expect("identity");
    let laptop_id = bureau.enrol_device(&card).expect("enrol").id;
    let first = root.path().join("first.mcb");
    bureau.export_bundle(&first, Some(&laptop_id)).expect("export");
    let fp = bureau.device_show().expect("bureau").fingerprint_groups;
    laptop.import_bundle(&first, Some(&fp)).expect("accept the bureau");

    let id = records(&laptop, scratch.path());
    let up = root.path().join("up.mcb");
    let sent = laptop.export_bundle(&up, None).expect("to the bureau");
    assert!(sent.attachments >= 2, "the photo and the issued PDF travel: {sent:?}");
    let got = bureau.import_bundle(&up, None).expect("the bureau imports");
    assert!(got.attachments >= 1, "{got:?}");
    let inspections = bureau.list_inspections(Some(&id), false).expect("list");
    let photos: usize = inspections.iter().map(|r| bureau.inspection(&r.id).expect("inspection").photos.len()).sum();
    assert_eq!(photos, 1, "the photo reads on the bureau through its own key");
    let doc = bureau.documents(&Default::default()).expect("docs").into_iter().find(|d| d.enterprise_id == id);
    let pdf = bureau.document_pdf(&doc.expect("the notice arrived").id).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    drop((bureau, laptop));
    for dir in [&bureau_dir, &laptop_dir] {
        assert_hidden(dir, NAME);
        assert_hidden(dir, USCC);
    }
}

/// The system viewer gets a decrypted copy outside the data directory, and the copy goes with the unlocked session.
#[test]
fn a_pdf_for_the_viewer_is_decrypted_outside_the_data_directory_and_removed_at_the_lock() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let (app, _) = App::create_data_dir(dir.path(), inspector(), Some(PASS), Some(PASS)).expect("create");
    records(&app, scratch.path());
    let doc = app.documents(&Default::default()).expect("docs")[0].id.clone();
    let shown = app.document_viewable(&doc).expect("viewable");
    assert!(!shown.starts_with(dir.path()), "never in the data directory: {}", shown.display());
    assert!(std::fs::read(&shown).expect("read").starts_with(b"%PDF"));
    drop(app);
    assert!(!shown.exists(), "{} outlived the session", shown.display());
}

/// A plain backup (a USB copy made before the laptop was encrypted) restores into the encrypted directory encrypted.
#[test]
fn a_plain_backup_restores_into_an_encrypted_directory_encrypted() {
    let dir = tempfile::tempdir().expect("dir");
    let scratch = tempfile::tempdir().expect("scratch");
    let usb = scratch.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let app = App::open(dir.path()).expect("plain");
    app.setup(inspector()).expect("setup");
    app.create_enterprise(EnterpriseInput::new(NAME, USCC)).expect("enterprise");
    let copy = app.backup_to_folder(&usb).expect("a plain copy on the stick");
    drop(app);
    App::encrypt_data_dir(dir.path(), PASS, PASS).expect("encrypt");
    let app = App::open_with(dir.path(), Some(PASS)).expect("unlock");
    let restored = app.restore_backup(Path::new(&copy.file)).expect("restore the plain copy");
    assert_eq!(restored.restored.holds.expect("read with the key").enterprises, 1);
    drop(app);
    assert!(!std::fs::read(dir.path().join("maskcheck.db")).expect("db").starts_with(b"SQLite format 3"));
    let app = App::open_with(dir.path(), Some(PASS)).expect("unlock again");
    assert_eq!(app.dashboard().expect("dashboard").enterprise_count, 1);
}

/// A setup that fails after its keyring was written (here the database cannot be opened: its WAL's name is taken
/// by a directory) removes what it wrote: a keyring left without its database made the next start ask for a
/// passphrase to a directory with nothing in it. What was in the directory before stays.
#[test]
fn a_failed_setup_leaves_the_directory_as_it_found_it() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("maskcheck.db-wal")).expect("blocker");
    std::fs::write(data.join("说明.txt"), "the user's file").expect("user's file");
    let before = snapshot(&data);
    let err = App::create_data_dir(&data, inspector(), Some(PASS), Some(PASS)).err().expect("setup fails");
    assert_ne!(err.code, ErrorCode::Validation, "{err:?}");
    assert_eq!(snapshot(&data), before, "a failed setup left files behind");
    let mut names: Vec<_> = std::fs::read_dir(&data).expect("dir").flatten().map(|e| e.file_name()).collect();
    names.sort();
    assert_eq!(names, ["maskcheck.db-wal", "说明.txt"], "nor directories");
    assert_eq!(App::dir_state(&data), maskcheck_app::DirState::New);
    std::fs::remove_dir(data.join("maskcheck.db-wal")).expect("unblock");
    let (app, _) = App::create_data_dir(&data, inspector(), Some(PASS), Some(PASS)).expect("then it can be set up");
    drop(app);
    assert!(App::open_existing_with(&data, Some(PASS)).is_ok());
}
