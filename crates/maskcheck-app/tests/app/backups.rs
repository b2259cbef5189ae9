//! A broken disk loses nothing: a damaged database opens read-only with its backups offered and is never written;
//! a copy is made once a day and old ones rotate out; a copy with its attachments goes to a chosen folder.

use maskcheck_app::{App, BackupReason, ErrorCode};
use maskcheck_domain::EnterpriseInput;

fn sha(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

#[test]
fn a_damaged_database_opens_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let app = App::open(dir.path()).expect("open");
        app.load_demo(300, 4).expect("demo");
    }
    // The next start takes the day's copy; then the disk fails.
    drop(App::open(dir.path()).expect("next start"));
    let db = dir.path().join("maskcheck.db");
    assert!(
        !dir.path().join("maskcheck.db-wal").exists()
            || std::fs::metadata(dir.path().join("maskcheck.db-wal")).expect("wal").len() == 0
    );
    maskcheck_tests::records::damage_database(&db);
    let before = sha(&db);
    let app = App::open(dir.path()).expect("a damaged file still opens, read-only");
    let status = app.setup_status().expect("status");
    let problems = status.damaged.expect("the integrity check found the damage");
    assert!(!problems.is_empty());
    let refused =
        app.create_enterprise(EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43")).expect_err("no write");
    assert_eq!(refused.code, ErrorCode::DatabaseDamaged, "{refused:?}");
    assert!(refused.message.contains("备份"), "the restore is offered: {}", refused.message);
    assert!(!app.backups().expect("backups").is_empty(), "the backups are there to go back to");
    let err = app.backup_to_folder(dir.path()).expect_err("never back up a damaged file");
    assert_eq!(err.code, ErrorCode::DatabaseDamaged);
    drop(app);
    assert_eq!(sha(&db), before, "the damaged file was never written");
}

#[test]
fn a_copy_is_made_once_a_day_and_the_oldest_rotate_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    assert!(app.backups().expect("backups").is_empty(), "nothing to back up before setup");
    app.load_demo(40, 2).expect("demo");
    drop(app);
    let app = App::open(dir.path()).expect("reopen");
    let daily: Vec<_> =
        app.backups().expect("backups").into_iter().filter(|b| b.reason == BackupReason::Daily).collect();
    assert_eq!(daily.len(), 1, "one copy today");
    let holds = daily[0].holds.clone().expect("readable");
    assert_eq!(holds.enterprises, 40);
    assert!(holds.inspections > 0 && holds.documents > 0);
    drop(app);
    App::open(dir.path()).expect("again");
    let backups = dir.path().join("backups");
    let today = std::fs::read_dir(&backups)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("daily-"))
        .count();
    assert_eq!(today, 1, "not a second copy the same day");
    // Nine older daily copies: after today's copy, the newest seven remain.
    let copy = std::fs::read_dir(&backups).expect("dir").flatten().next().expect("one").path();
    for day in 1..=9 {
        let old = backups.join(format!("daily-2026-01-{day:02}.db"));
        std::fs::copy(&copy, &old).expect("copy");
        let at = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600 + day * 86_400);
        std::fs::File::options().write(true).open(&old).expect("open").set_modified(at).expect("mtime");
    }
    std::fs::remove_file(&copy).expect("remove today's");
    App::open(dir.path()).expect("a new day");
    let names: Vec<String> = std::fs::read_dir(&backups)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("daily-"))
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(!names.contains(&"daily-2026-01-01.db".to_string()), "the oldest went: {names:?}");
}

#[test]
fn a_copy_to_a_folder_takes_the_attachments_it_refers_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    let summary = app.load_demo(30, 5).expect("demo");
    let stick = tempfile::tempdir().expect("usb");
    let copy = app.backup_to_folder(stick.path()).expect("backup");
    assert_eq!(copy.holds.as_ref().map(|h| h.enterprises), Some(summary.enterprises));
    let folder = std::path::Path::new(&copy.file).parent().expect("folder").to_path_buf();
    assert!(folder.file_name().expect("name").to_string_lossy().starts_with("口罩检查备份-"));
    let attachments: Vec<_> = std::fs::read_dir(folder.join("attachments")).expect("attachments").flatten().collect();
    assert_eq!(attachments.len() as u32, copy.holds.as_ref().map(|h| h.attachments).unwrap_or_default());
    assert!(!attachments.is_empty(), "the demo's label photo");
    let err = app.backup_to_folder(&stick.path().join("nowhere")).expect_err("no such folder");
    assert_eq!(err.code, ErrorCode::Io);
}

/// A damaged database is restored from the day's copy: the damaged file is set aside (not deleted), the copy's
/// records are back, writes work again, and the device has a new identity for sync.
#[test]
fn a_damaged_database_is_restored_from_a_backup_with_a_new_device_identity() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let app = App::open(dir.path()).expect("open");
        app.load_demo(300, 4).expect("demo");
    }
    drop(App::open(dir.path()).expect("next start"));
    let db = dir.path().join("maskcheck.db");
    maskcheck_tests::records::damage_database(&db);
    let damaged = sha(&db);
    let app = App::open(dir.path()).expect("read-only");
    let daily =
        app.backups().expect("backups").into_iter().find(|b| b.reason == BackupReason::Daily).expect("the day's copy");
    // A damaged copy is refused, and nothing moves.
    let bad = dir.path().join("bad.db");
    std::fs::copy(&db, &bad).expect("copy");
    assert_eq!(app.restore_backup(&bad).expect_err("damaged copy").code, ErrorCode::Validation);
    assert_eq!(sha(&db), damaged);

    let r = app.restore_backup(std::path::Path::new(&daily.file)).expect("restore");
    assert_eq!(sha(std::path::Path::new(&r.replaced)), damaged, "the damaged file is set aside, byte for byte");
    assert_eq!(r.restored.holds.as_ref().map(|h| h.enterprises), Some(300));
    assert_ne!(r.new_device_id, r.old_device_id, "a new identity for sync");
    assert_eq!(app.device_show().expect("device").id, r.new_device_id);
    let status = app.setup_status().expect("status");
    assert!(status.damaged.is_none());
    assert!(status.profile.is_some(), "the profile is back");
    let uscc = format!("91410703MA1000081{}", maskcheck_domain::uscc::check_char("91410703MA1000081").expect("check"));
    let mut e = EnterpriseInput::new("新乡市卫滨区新厂", uscc);
    e.new_county = Some(true);
    app.create_enterprise(e).expect("writes work again");
    drop(app);
    assert!(App::open(dir.path()).expect("reopen").setup_status().expect("status").damaged.is_none());
}

#[test]
fn a_window_takes_the_days_copy_after_opening_as_one_snapshot_while_it_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    App::open(dir.path()).expect("open").load_demo(40, 2).expect("demo");
    let backups = dir.path().join("backups");
    for e in std::fs::read_dir(&backups).into_iter().flatten().flatten() {
        std::fs::remove_file(e.path()).expect("no copy yet today");
    }
    let app = std::sync::Arc::new(
        App::unlock_for_window(dir.path(), None).expect("unlock").1.open().expect("open, copy later"),
    );
    assert!(app.backups().expect("backups").iter().all(|b| b.reason != BackupReason::Daily), "not at opening");

    // The window goes on writing through its own connection while the copy is read through another.
    let writer = {
        let app = app.clone();
        std::thread::spawn(move || {
            for i in 0..30u32 {
                let first17 = format!("91410700MA2{i:06}");
                let uscc = format!("{first17}{}", maskcheck_domain::uscc::check_char(&first17).expect("charset"));
                app.create_enterprise(EnterpriseInput::new(format!("新乡市并发写入口罩厂{i}"), uscc)).expect("write");
            }
        })
    };
    app.daily_backup().expect("the day's copy");
    writer.join().expect("writer");
    let daily: Vec<_> =
        app.backups().expect("backups").into_iter().filter(|b| b.reason == BackupReason::Daily).collect();
    assert_eq!(daily.len(), 1);
    let holds = daily[0].holds.clone().expect("the copy is a sound database");
    assert!((40..=70).contains(&holds.enterprises), "a snapshot between the writes: {}", holds.enterprises);
    app.daily_backup().expect("once a day");
    assert_eq!(app.backups().expect("backups").iter().filter(|b| b.reason == BackupReason::Daily).count(), 1);
}

#[test]
fn an_unlocked_window_takes_the_days_copy_after_opening_encrypted_like_its_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pass = "卫滨区 口令 2026";
    let (app, _) =
        App::create_data_dir(dir.path(), maskcheck_app::demo_profile(), Some(pass), Some(pass)).expect("encrypted");
    app.load_demo(25, 3).expect("demo");
    drop(app);
    for e in std::fs::read_dir(dir.path().join("backups")).into_iter().flatten().flatten() {
        std::fs::remove_file(e.path()).expect("no copy yet today");
    }
    let (reader, unlocked) = App::unlock_for_window(dir.path(), Some(pass)).expect("unlock");
    let reader = reader.expect("a read-only opening beside the check");
    assert_eq!(reader.dashboard().expect("read while checking").enterprise_count, 25);
    let refused = reader.create_enterprise(EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43"));
    assert!(refused.is_err(), "the read-only opening never writes");
    drop(reader);
    let app = unlocked.open().expect("checked and opened, copy later");
    assert!(app.backups().expect("backups").is_empty(), "not at unlocking");
    app.create_enterprise(EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43")).expect("writes once opened");
    app.daily_backup().expect("the day's copy");
    let daily = app.backups().expect("backups");
    assert_eq!(daily.len(), 1);
    assert_eq!(daily[0].holds.clone().expect("readable with the key").enterprises, 26);
    let head = std::fs::read(dir.path().join("backups").join(&daily[0].file)).expect("copy");
    assert!(!head.starts_with(b"SQLite format 3"), "the copy is encrypted as its database is");
}

#[test]
fn encrypting_just_after_a_window_opened_leaves_no_plain_copy_of_the_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    App::open(dir.path()).expect("open").load_demo(30, 5).expect("demo");
    for e in std::fs::read_dir(dir.path().join("backups")).into_iter().flatten().flatten() {
        std::fs::remove_file(e.path()).expect("no copy yet today");
    }
    let app = std::sync::Arc::new(
        App::unlock_for_window(dir.path(), None).expect("unlock").1.open().expect("open, copy later"),
    );
    let copying = {
        let app = app.clone();
        std::thread::spawn(move || app.daily_backup())
    };
    let pass = "卫滨区 口令 2026";
    App::encrypt_data_dir(dir.path(), pass, pass).expect("encrypt");
    copying.join().expect("thread").expect("the day's copy");
    drop(app);
    for e in std::fs::read_dir(dir.path().join("backups")).expect("backups").flatten() {
        let head = std::fs::read(e.path()).expect("read");
        assert!(!head.starts_with(b"SQLite format 3"), "{} is plain", e.path().display());
    }
}
