//! Drives headless Chromium through the Chrome DevTools Protocol (CDP) over
//! `--remote-debugging-pipe`, as Puppeteer and Playwright do: each message is JSON ended by a
//! NUL byte, written to the browser's file descriptor 3 and read from its descriptor 4. No
//! port is opened.
//!
//! The browser never outlives the xtask. It runs in its own process group, which `Drop` kills
//! whole (renderers and helpers included) on a normal return, an error or a panic. If the
//! xtask dies without unwinding (Ctrl-C, SIGTERM, SIGKILL), the browser ends too, twice over:
//! on Linux the kernel kills it (`PR_SET_PDEATHSIG`), and anywhere Chromium exits when its end
//! of the pipe closes, which the xtask's death does. Its helpers exit when it does.
//!
//! Every wait has a deadline that holds however chatty the browser is: a reader thread
//! forwards each message over a channel, and the waits use `recv_timeout` on what is left.

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};

/// How long one CDP command may take before the browser is considered stuck.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long [`Chromium::launch`] waits for the browser's first answer.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest [`Chromium::drain_events`] reads, however chatty the page.
const DRAIN_LIMIT: Duration = Duration::from_secs(5);
const CLOSED: &str = "Chromium closed the DevTools pipe (it exited or crashed)";

/// The offline flags every run uses: no GPU, no sandbox (CI runs as root), nothing that
/// phones home, and every host name resolved to nothing: only the site's own files can be read.
const OFFLINE_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND",
];

/// The Chromium executable: `$SCML_CHROMIUM` if set, else the first of the usual names on
/// `PATH` (Debian's package installs `/usr/bin/chromium`), else Chrome's macOS location.
/// The error says why there is none, for a skip message.
pub fn find_chromium() -> Result<PathBuf> {
    if !cfg!(unix) {
        bail!("driving Chromium through a pipe needs Linux or macOS");
    }
    if let Some(path) = std::env::var_os("SCML_CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mac = PathBuf::from("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    std::env::split_paths(&path)
        .flat_map(|dir| names.map(|name| dir.join(name)))
        .chain([mac])
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            anyhow!(
                "no Chromium found (set SCML_CHROMIUM, or put chromium, chromium-browser or \
                 google-chrome on PATH; Debian: `sudo apt-get install chromium`)"
            )
        })
}

/// A CDP connection: to a headless Chromium that is killed and cleaned up on drop, or, in
/// tests, to any reader and writer.
pub struct Chromium {
    to_browser: Box<dyn Write + Send>,
    /// What the reader thread received, one message at a time; disconnected at end of file.
    from_browser: Receiver<Result<Value, String>>,
    next_id: u64,
    /// Messages (events, late answers) received while waiting for something else, oldest first.
    queue: VecDeque<Value>,
    /// The browser process and its profile folder; `None` for a fake browser.
    process: Option<(Child, PathBuf)>,
    /// The page's session (CDP's "flat" mode), where commands go once attached.
    session: Option<String>,
}

impl Chromium {
    /// Starts `exe` headless, with a window wide enough for the book's sidebar and page side
    /// by side and a fresh profile under `target/`, checks that it answers, and opens a page
    /// to which the commands then go.
    #[cfg(unix)]
    pub fn launch(exe: &Path) -> Result<Self> {
        use std::os::fd::AsRawFd;
        use std::os::unix::process::CommandExt;
        use std::sync::atomic::{AtomicU32, Ordering};

        static LAUNCHED: AtomicU32 = AtomicU32::new(0);
        let target = crate::util::workspace_root().join("target");
        remove_stale_profiles(&target);
        let n = LAUNCHED.fetch_add(1, Ordering::SeqCst);
        let profile = target.join(format!("chromium-profile-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&profile);
        fs::create_dir_all(&profile).with_context(|| format!("creating {}", profile.display()))?;
        let log = fs::File::create(profile.join("chromium.log"))?;
        let (child_reads, to_browser) = std::io::pipe()?;
        let (from_browser, child_writes) = std::io::pipe()?;
        let (reads, writes) = (child_reads.as_raw_fd(), child_writes.as_raw_fd());
        let parent = std::process::id() as libc::pid_t;
        let mut command = std::process::Command::new(exe);
        command
            .args(OFFLINE_FLAGS)
            .arg("--remote-debugging-pipe")
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--window-size=1280,900")
            .arg("about:blank")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(log)
            // Its own group, for `Drop` to kill, and out of reach of the terminal's Ctrl-C,
            // which the death signal below turns into the browser's end.
            .process_group(0);
        // SAFETY: the closure runs in the forked child before exec, where only
        // async-signal-safe functions may be called: it calls only `fcntl`, `dup2`, `prctl`
        // and `getppid` (system calls that neither allocate nor take locks) and builds its
        // error from a raw OS error code, which does not allocate either. The descriptors
        // it duplicates are the pipe ends above, open until `spawn` returns.
        unsafe {
            command.pre_exec(move || {
                // Pipes may have been given descriptors 3 or 4: first copy both ends above
                // 4 (close-on-exec), then onto 3 and 4, which `dup2` leaves open across exec.
                let r = libc::fcntl(reads, libc::F_DUPFD_CLOEXEC, 5);
                let w = libc::fcntl(writes, libc::F_DUPFD_CLOEXEC, 5);
                if r < 0 || w < 0 || libc::dup2(r, 3) < 0 || libc::dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // SIGKILL when the thread that spawned it ends: `launch` runs on the thread
                // that owns (and drops) the `Chromium`, the main thread in the xtask.
                #[cfg(target_os = "linux")]
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The xtask died before the line above took effect.
                if libc::getppid() != parent {
                    return Err(std::io::Error::from_raw_os_error(libc::ESRCH));
                }
                Ok(())
            });
        }
        let child = command
            .spawn()
            .with_context(|| format!("starting {}", exe.display()))?;
        // Only the browser may hold its ends, so that its exit reads as end of file here.
        drop((child_reads, child_writes, command));
        let mut browser = Self::connect(to_browser, from_browser);
        browser.process = Some((child, profile.clone()));
        if let Err(e) = browser.call_within("Browser.getVersion", json!({}), START_TIMEOUT) {
            let log = fs::read_to_string(profile.join("chromium.log")).unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            let tail = lines[lines.len().saturating_sub(15)..].join("\n");
            bail!("Chromium did not start: {e:#}; its log ends with:\n{tail}");
        }
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}))?;
        let params = json!({"targetId": target["targetId"], "flatten": true});
        let attached = browser.call("Target.attachToTarget", params)?;
        let Some(session) = attached["sessionId"].as_str() else {
            bail!("Target.attachToTarget returned no sessionId: {attached}");
        };
        browser.session = Some(session.to_owned());
        Ok(browser)
    }

    #[cfg(not(unix))]
    pub fn launch(_: &Path) -> Result<Self> {
        bail!("driving Chromium through a pipe needs Linux or macOS")
    }

    /// A connection over `to_browser` and `from_browser`, read on a thread of its own.
    fn connect(
        to_browser: impl Write + Send + 'static,
        from_browser: impl Read + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_browser);
            let mut message = Vec::new();
            // Ends at end of file (the browser has gone) or once nobody listens.
            while matches!(reader.read_until(0, &mut message), Ok(n) if n > 0) {
                if message.pop() != Some(0) {
                    break; // cut off by the browser's exit
                }
                let parsed = serde_json::from_slice(&message)
                    .map_err(|e| format!("Chromium sent invalid JSON ({e})"));
                if sender.send(parsed).is_err() {
                    break;
                }
                message.clear();
            }
        });
        Chromium {
            to_browser: Box::new(to_browser),
            from_browser: receiver,
            next_id: 1,
            queue: VecDeque::new(),
            process: None,
            session: None,
        }
    }

    /// Sends one CDP command (to the page once attached, else to the browser) and waits for
    /// its result.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.call_within(method, params, COMMAND_TIMEOUT)
    }

    /// [`Chromium::call`] with a deadline of its own (printing a book takes longer).
    pub fn call_within(&mut self, method: &str, params: Value, timeout: Duration) -> Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        self.send(&message)
            .with_context(|| format!("sending `{method}` to Chromium"))?;
        let what = format!("the answer to `{method}`");
        let reply = self.wait_for(timeout, &what, |m| m["id"] == id)?;
        if let Some(error) = reply.get("error") {
            bail!("`{method}` failed: {error}");
        }
        Ok(reply["result"].clone())
    }

    /// The first message, queued or to come, that `matches`; the messages passed over stay
    /// queued. Fails, naming `what`, once `timeout` has passed, however many other messages
    /// keep arriving, or at once if the browser has gone.
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        what: &str,
        matches: impl Fn(&Value) -> bool,
    ) -> Result<Value> {
        if let Some(pos) = self.queue.iter().position(&matches)
            && let Some(message) = self.queue.remove(pos)
        {
            return Ok(message);
        }
        let deadline = Instant::now() + timeout;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.receive(left) {
                Ok(Some(message)) if matches(&message) => return Ok(message),
                Ok(Some(message)) => self.queue.push_back(message),
                Ok(None) => break,
                Err(e) => bail!("{e}, waiting for {what}"),
            }
        }
        bail!("Chromium did not send {what} within {timeout:?}")
    }

    /// The page's session; empty until attached.
    pub fn session(&self) -> &str {
        self.session.as_deref().unwrap_or_default()
    }

    /// Reads messages until none has arrived for `quiet` (at most [`DRAIN_LIMIT`] in all), then
    /// returns every queued message, events and late answers, oldest first, emptying the queue.
    /// A zero `quiet` takes only what has already arrived.
    pub fn drain_events(&mut self, quiet: Duration) -> Result<Vec<Value>> {
        let deadline = Instant::now() + DRAIN_LIMIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now())
            && let Some(message) = self.receive(quiet.min(left))?
        {
            self.queue.push_back(message);
        }
        Ok(self.queue.drain(..).collect())
    }

    /// The next message, or `None` if none arrives within `timeout`.
    fn receive(&mut self, timeout: Duration) -> Result<Option<Value>> {
        match self.from_browser.recv_timeout(timeout) {
            Ok(message) => message.map(Some).map_err(|e| anyhow!(e)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => bail!("{CLOSED}"),
        }
    }

    fn send(&mut self, message: &Value) -> std::io::Result<()> {
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        self.to_browser.write_all(&bytes)?;
        self.to_browser.flush()
    }
}

impl Drop for Chromium {
    /// Closes the browser politely (so it removes its own temporary files), waits for it to
    /// close the pipe, then kills its whole process group, reaps it and removes the profile.
    fn drop(&mut self) {
        let Some((mut child, profile)) = self.process.take() else {
            return;
        };
        let close = json!({"id": 0, "method": "Browser.close"});
        if self.send(&close).is_ok() {
            // Ends with an error once the pipe is closed, or after `DRAIN_LIMIT`.
            let _ = self.drain_events(DRAIN_LIMIT);
        }
        // Before `wait`: until the browser is reaped, its pid (the group's id) cannot be
        // reused, so this kills nothing but the browser's group.
        #[cfg(unix)]
        // SAFETY: `killpg` is a plain system call on a process group id we created.
        unsafe {
            libc::killpg(child.id() as libc::pid_t, libc::SIGKILL);
        }
        let _ = child.wait();
        remove_profile(&profile);
    }
}

/// Removes a profile folder, and the folder Chromium made in the system's temporary folder
/// for the profile's `SingletonSocket` (it removes that itself only when closed politely).
fn remove_profile(profile: &Path) {
    if let Ok(socket) = fs::read_link(profile.join("SingletonSocket"))
        && let Some(dir) = socket.parent()
        && dir.starts_with(std::env::temp_dir())
        && dir.to_string_lossy().contains("org.chromium.")
    {
        let _ = fs::remove_dir_all(dir);
    }
    let _ = fs::remove_dir_all(profile);
}

/// Removes the profiles under `target` left by an xtask that was killed (its process gone).
fn remove_stale_profiles(target: &Path) {
    for entry in fs::read_dir(target).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("chromium-profile-")
            && let Some(pid) = pid.split('-').next()
            && cfg!(target_os = "linux")
            && !Path::new("/proc").join(pid).exists()
        {
            remove_profile(&entry.path());
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// For the browser tests: the Chromium to use, or `None` after printing why they are
    /// skipped. Under CI (`$CI` set), where `.ci/run` installs Chromium, a missing one fails.
    pub(crate) fn chromium_for_test() -> Option<PathBuf> {
        match find_chromium() {
            Ok(chromium) => Some(chromium),
            Err(why) if std::env::var_os("CI").is_some() => panic!("under CI: {why}"),
            Err(why) => {
                eprintln!("skipped: {why}");
                None
            }
        }
    }

    /// A browser that never answers: an endless stream of events nobody waits for.
    struct Chatty;

    impl Read for Chatty {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            std::thread::sleep(Duration::from_millis(1));
            let event = b"{\"method\":\"Noise.everywhere\",\"params\":{}}\0";
            let n = event.len().min(buf.len());
            buf[..n].copy_from_slice(&event[..n]);
            Ok(n)
        }
    }

    /// Runs `body` on a thread of its own and fails, rather than hangs, if it takes 20 s.
    fn without_hanging(body: impl FnOnce() + Send + 'static) {
        let (done, finished) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            body();
            let _ = done.send(());
        });
        if let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(Duration::from_secs(20)) {
            panic!("still waiting after 20 s: a deadline did not hold");
        }
        if let Err(panic) = thread.join() {
            std::panic::resume_unwind(panic);
        }
    }

    #[test]
    fn a_chatty_browser_cannot_hold_a_call_or_a_wait_past_its_deadline() {
        without_hanging(|| {
            let mut browser = Chromium::connect(std::io::sink(), Chatty);
            let start = Instant::now();
            let limit = Duration::from_millis(300);
            let err = browser
                .call_within("Page.navigate", json!({}), limit)
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                "Chromium did not send the answer to `Page.navigate` within 300ms"
            );
            let err = browser
                .wait_for(limit, "the event `Page.loadEventFired`", |_| false)
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                "Chromium did not send the event `Page.loadEventFired` within 300ms"
            );
            // The noise kept coming all along, and both waits ended on time.
            assert!(
                start.elapsed() < Duration::from_secs(3),
                "{:?}",
                start.elapsed()
            );
            assert!(browser.queue.len() > 20, "{}", browser.queue.len());
            let drained = Instant::now();
            browser.drain_events(Duration::from_millis(100)).unwrap();
            assert!(drained.elapsed() < DRAIN_LIMIT + Duration::from_secs(1));
        });
    }

    #[test]
    fn a_browser_that_exits_fails_a_call_at_once() {
        let mut browser = Chromium::connect(std::io::sink(), &b"{\"id\":7}\0{\"id\""[..]);
        let start = Instant::now();
        let err = browser.call("Browser.getVersion", json!({})).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{CLOSED}, waiting for the answer to `Browser.getVersion`")
        );
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "it waited for the deadline"
        );
    }

    #[test]
    fn answers_are_matched_by_id_and_events_kept_for_later() {
        let stream = b"{\"method\":\"Page.loadEventFired\",\"sessionId\":\"s\"}\0\
                       {\"id\":99,\"result\":{}}\0{\"id\":1,\"result\":{\"x\":1}}\0\
                       {\"id\":2,\"error\":{\"message\":\"no such method\"}}\0";
        let mut browser = Chromium::connect(std::io::sink(), &stream[..]);
        assert_eq!(browser.call("A.one", json!({})).unwrap(), json!({"x": 1}));
        browser.session = Some("s".to_owned());
        let err = browser.call("A.two", json!({})).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"`A.two` failed: {"message":"no such method"}"#
        );
        let loaded = |e: &Value| e["method"] == "Page.loadEventFired" && e["sessionId"] == "s";
        let event = browser
            .wait_for(Duration::from_secs(1), "the load event", loaded)
            .unwrap();
        assert_eq!(event["sessionId"], "s");
    }

    /// Unwinding drops the browser: its whole process group ends (a killed helper may stay
    /// a zombie for a moment, until init reaps it) and its profile is gone.
    #[test]
    fn a_panic_leaves_no_browser_process_and_no_profile() {
        let Some(chromium) = chromium_for_test() else {
            return;
        };
        let (sender, launched) = mpsc::channel();
        let unwound = std::panic::catch_unwind(move || {
            let browser = Chromium::launch(&chromium).unwrap();
            let (child, profile) = browser.process.as_ref().unwrap();
            sender.send((child.id(), profile.clone())).unwrap();
            panic!("on purpose, with a browser running");
        });
        assert!(unwound.is_err());
        let (pid, profile) = launched.recv().unwrap();
        assert!(!profile.exists(), "{} is left", profile.display());
        let group_alive = || {
            // SAFETY: signal 0 sends nothing; it only asks whether the group has members.
            unsafe { libc::killpg(pid as libc::pid_t, 0) == 0 }
        };
        for _ in 0..100 {
            if !group_alive() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("Chromium's process group {pid} is still there 10 s after the drop");
    }
}
