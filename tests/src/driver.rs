//! A minimal W3C WebDriver client (blocking, over ureq) and a guard for the tauri-driver process.
//! tauri-driver runs in its own process group and the whole group (driver, WebKitWebDriver, the app) is killed
//! when the guard drops, so a failing test never leaves processes behind.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// Every request to the driver, with a time limit: a command WebKitWebDriver never answers fails the test instead
/// of hanging the run until CI's limit.
fn http() -> &'static ureq::Agent {
    static AGENT: std::sync::OnceLock<ureq::Agent> = std::sync::OnceLock::new();
    AGENT.get_or_init(|| ureq::AgentBuilder::new().timeout(Duration::from_secs(90)).build())
}

const PORT: u16 = 4444;
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Driver {
    child: Child,
    // One driver at a time (fixed ports): tests of one binary run on parallel threads, so each holds this lock
    // for its whole life. A test that panicked poisons it; the next one still runs.
    _one_at_a_time: std::sync::MutexGuard<'static, ()>,
}

static ONE_DRIVER: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Driver {
    pub fn start() -> Driver {
        let guard = ONE_DRIVER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Guarded at once: if the driver never answers, the panic below still kills its process group.
        let mut driver = Driver { child: spawn_driver(), _one_at_a_time: guard };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if http().get(&format!("http://127.0.0.1:{PORT}/status")).call().is_ok() {
                return driver;
            }
            // A driver that exited at once (it could not take its port, say) is started again rather than waited
            // for: one CI run failed with no answer in 20 s, and passed when run again.
            if matches!(driver.child.try_wait(), Ok(Some(_))) {
                driver.child = spawn_driver();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not answer on port {PORT}");
    }
}

fn spawn_driver() -> std::process::Child {
    use std::os::unix::process::CommandExt;
    let exe = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
    Command::new(exe)
        .args(["--port", &PORT.to_string()])
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tauri-driver must be installed (scripts/setup.sh installs it)")
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

/// The desktop binary under test: `MASKCHECK_E2E_APP`, else the debug build (built with `custom-protocol`).
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("MASKCHECK_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target/debug/maskcheck-desktop"));
    assert!(path.exists(), "{} is missing: build it with scripts/test.sh", path.display());
    path
}

pub struct Session {
    base: String,
    pub shots: PathBuf,
    step: u32,
}

#[derive(Clone)]
pub struct Element(String);

fn unwrap_value(v: Value) -> Value {
    v.get("value").cloned().unwrap_or(Value::Null)
}

impl Session {
    /// Launches the app with its own data directory; screenshots go to `target/e2e/<name>/`.
    pub fn launch(driver: &Driver, data_dir: &Path, name: &str) -> Session {
        Self::launch_app(driver, &app_binary(), data_dir, name)
    }

    /// Launches another Tauri binary (`--data-dir` is passed to it too).
    pub fn launch_app(_driver: &Driver, app: &Path, data_dir: &Path, name: &str) -> Session {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app, "args": ["--data-dir", data_dir]}
        }}});
        let resp = post(&format!("http://127.0.0.1:{PORT}/session"), &caps);
        let id = resp["value"]["sessionId"].as_str().expect("session id").to_string();
        let shots = crate::workspace_root().join("target/e2e").join(name);
        let _ = std::fs::remove_dir_all(&shots);
        std::fs::create_dir_all(&shots).expect("screenshot dir");
        let session = Session { base: format!("http://127.0.0.1:{PORT}/session/{id}"), shots, step: 0 };
        // Transitions off: a click during a dialog's fade or a drawer's slide lands where the element was a
        // moment ago and is lost (1 run in 4 failed that way). The window is otherwise the real one.
        session.execute(
            "const s = document.createElement('style'); s.dataset.e2e = 'no-motion'; \
             s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'; \
             document.head.appendChild(s);",
        );
        session
    }

    fn post(&self, path: &str, body: &Value) -> Value {
        unwrap_value(post(&format!("{}{path}", self.base), body))
    }

    fn get(&self, path: &str) -> Value {
        let r = http().get(&format!("{}{path}", self.base)).call().map(|r| r.into_json::<Value>());
        match r {
            Ok(Ok(v)) => unwrap_value(v),
            other => panic!("GET {path}: {other:?}"),
        }
    }

    pub fn try_find(&self, css: &str) -> Option<Element> {
        let url = format!("{}/element", self.base);
        let r = http().post(&url).send_json(json!({"using": "css selector", "value": css}));
        let v: Value = r.ok()?.into_json().ok()?;
        v["value"][ELEMENT_KEY].as_str().map(|s| Element(s.to_string()))
    }

    /// Waits up to 15 s for an element to exist and be displayed.
    pub fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(e) = self.try_find(css) {
                if self.is_visible(css) {
                    return e;
                }
            }
            if Instant::now() >= deadline {
                let html = self.execute("return document.body.innerHTML");
                let html = html.as_str().unwrap_or_default();
                panic!("no visible element matches {css}; page: {}", html.chars().take(1500).collect::<String>());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether the first element matching `css` takes up space on screen (the WebDriver `displayed` endpoint is
    /// not implemented uniformly by WebKitWebDriver, so this asks the page).
    pub fn is_visible(&self, css: &str) -> bool {
        let css = serde_json::to_string(css).unwrap_or_default();
        let script = format!("const e = document.querySelector({css}); return !!e && e.getClientRects().length > 0");
        self.execute(&script).as_bool().unwrap_or(false)
    }

    /// Waits up to 15 s until nothing matching `css` is visible.
    pub fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.is_visible(css) {
            assert!(Instant::now() < deadline, "{css} is still visible");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The visible text of every element matching `css`, read in one script (no stale element references when
    /// the page re-renders between calls).
    pub fn texts(&self, css: &str) -> Vec<String> {
        let css = serde_json::to_string(css).unwrap_or_default();
        let v = self.execute(&format!("return [...document.querySelectorAll({css})].map(e => e.innerText)"));
        v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default()
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.post("/elements", &json!({"using": "css selector", "value": css}));
        v.as_array()
            .map(|a| a.iter().filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.into()))).collect())
            .unwrap_or_default()
    }

    /// Waits until `check` holds for the text of the element at `css`; returns that text.
    pub fn wait_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.try_find(css).map(|e| self.text(&e)).unwrap_or_default();
            if check(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "text of {css} never matched; last: {text:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Like [`Session::wait_text`], from the element's `innerText` (WebKitWebDriver leaves the cells of some tables
    /// out of an element's text).
    pub fn wait_inner_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        let script = format!("const e = document.querySelector({css:?}); return e ? e.innerText : ''");
        loop {
            let text = self.execute(&script).as_str().unwrap_or_default().to_string();
            if check(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "innerText of {css} never matched; last: {text:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks, retrying for up to 5 s while an animation (a drawer sliding in, a dialog fading) covers the target.
    pub fn click(&self, e: &Element) {
        let url = format!("{}/element/{}/click", self.base, e.0);
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match http().post(&url).send_json(json!({})) {
                Ok(_) => return,
                Err(ureq::Error::Status(400, r)) if Instant::now() < deadline => {
                    let body = r.into_string().unwrap_or_default();
                    assert!(body.contains("intercepted"), "click failed: {body}");
                    std::thread::sleep(Duration::from_millis(150));
                }
                Err(e) => panic!("click {url}: {e}"),
            }
        }
    }

    /// Finds and clicks `css`, finding it again while the page re-renders it (stale reference) or an animation
    /// covers it, for up to 5 s.
    pub fn click_css(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let e = self.find(css);
            let url = format!("{}/element/{}/click", self.base, e.0);
            match http().post(&url).send_json(json!({})) {
                Ok(_) => return,
                Err(ureq::Error::Status(code, r)) if Instant::now() < deadline => {
                    let body = r.into_string().unwrap_or_default();
                    assert!(body.contains("intercepted") || body.contains("stale"), "click {css} -> {code}: {body}");
                    std::thread::sleep(Duration::from_millis(150));
                }
                Err(e) => panic!("click {css}: {e}"),
            }
        }
    }

    /// Clears an input and types `text` into it (each keystroke reaches Vue's v-model).
    pub fn type_into(&self, css: &str, text: &str) {
        // A field in a dialog that is still fading in can drop keystrokes (seen under load): type, read the value
        // back, and type again until the field holds the text.
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let e = self.find(css);
            // WebDriver's clear does not fire `input`, so Vue would keep the old value: empty it the way typing would.
            let script = "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', { bubbles: true }))";
            self.post("/execute/sync", &json!({"script": script, "args": [{ELEMENT_KEY: e.0}]}));
            if !text.is_empty() {
                self.post(&format!("/element/{}/value", e.0), &json!({"text": text}));
            }
            let got = self
                .post("/execute/sync", &json!({"script": "return arguments[0].value", "args": [{ELEMENT_KEY: e.0}]}));
            // A field that reformats what is typed never matches: after the deadline the caller's own checks decide.
            if got.as_str() == Some(text) || Instant::now() >= deadline {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The element's text, or "" when it went stale (re-rendered) since it was found: callers wait and retry.
    /// Sends keystrokes to whatever has the focus (W3C actions), as a user typing would.
    pub fn type_into_focused(&self, keys: &str) {
        let mut actions = Vec::new();
        for c in keys.chars() {
            actions.push(json!({"type": "keyDown", "value": c.to_string()}));
            actions.push(json!({"type": "keyUp", "value": c.to_string()}));
        }
        self.post("/actions", &json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}));
    }

    pub fn text(&self, e: &Element) -> String {
        let url = format!("{}/element/{}/text", self.base, e.0);
        http()
            .get(&url)
            .call()
            .ok()
            .and_then(|r| r.into_json::<Value>().ok())
            .and_then(|v| v["value"].as_str().map(String::from))
            .unwrap_or_default()
    }

    /// Clicks `css` until `gone` is no longer visible: a click during an opening animation can be ignored.
    pub fn click_until_gone(&self, css: &str, gone: &str) {
        for _ in 0..10 {
            if let Some(e) = self.try_find(css) {
                let _ = http().post(&format!("{}/element/{}/click", self.base, e.0)).send_json(json!({}));
            }
            std::thread::sleep(Duration::from_millis(400));
            if !self.is_visible(gone) {
                return;
            }
        }
        panic!("{gone} is still visible after clicking {css}");
    }

    pub fn execute(&self, script: &str) -> Value {
        self.post("/execute/sync", &json!({"script": script, "args": []}))
    }

    /// Runs `script` in the page until it calls its last argument (WebDriver's asynchronous script); returns the
    /// value it was called with.
    pub fn execute_async(&self, script: &str) -> Value {
        self.post("/execute/async", &json!({"script": script, "args": []}))
    }

    /// Saves a numbered screenshot of the window as `target/e2e/<name>/NN-label.png`.
    pub fn screenshot(&mut self, label: &str) {
        self.step += 1;
        // WebKitWebDriver takes a screenshot after the page's next paint. Drawn without GL layers (as the window
        // is), an idle page does not paint again, and the request would wait for ever; so a 1-px mark in the
        // bottom-right corner changes shade for a second (a difference of one level of white, invisible in the
        // picture) and the page paints while the screenshot waits.
        self.execute(
            "const m = document.createElement('div'); \
             m.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647'; \
             document.body.appendChild(m); const end = performance.now() + 1000; let odd = false; \
             (function tick() { odd = !odd; m.style.background = odd ? '#fffffe' : '#ffffff'; \
               if (performance.now() < end) requestAnimationFrame(tick); else m.remove(); })();",
        );
        let b64 = self.get("/screenshot");
        let png = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap_or_default()).expect("png");
        std::fs::write(self.shots.join(format!("{:02}-{label}.png", self.step)), png).expect("write screenshot");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http().delete(&self.base).call();
    }
}

fn post(url: &str, body: &Value) -> Value {
    match http().post(url).send_json(body.clone()) {
        Ok(r) => r.into_json().expect("json"),
        Err(ureq::Error::Status(code, r)) => panic!("POST {url} -> {code}: {}", r.into_string().unwrap_or_default()),
        Err(e) => panic!("POST {url}: {e}"),
    }
}
