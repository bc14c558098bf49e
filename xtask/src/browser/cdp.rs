//! Drives headless Chromium through the Chrome DevTools Protocol (CDP), with no dependency
//! beyond `serde_json`: Chromium is started with `--remote-debugging-port=0` and a fresh
//! profile folder, the port it chose is read from the profile's `DevToolsActivePort` file, and
//! CDP messages travel over one WebSocket (RFC 6455, the client side, written out below; it
//! only ever talks to Chromium on 127.0.0.1). Pages are driven in CDP's "flat" session mode.
//!
//! Why not a crate: chromiumoxide and fantoccini bring an async stack (tokio, hyper) that
//! takes minutes to compile on two cores, and even `tungstenite` adds about thirty crates
//! (http, sha1, rand...) for what is a hundred lines over a loopback socket.

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};

/// How long one CDP command may take before the browser is considered stuck.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The offline flags every run uses: no GPU, no sandbox (CI runs as root), nothing that
/// phones home, and every host name resolved to nothing, so only 127.0.0.1 can be reached.
pub const OFFLINE_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    // Newer Chromium applies the rules to IP literals too: 127.0.0.1 must be excluded.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

/// The Chromium executable: `$SCML_CHROMIUM` if set, else the first of the usual names on
/// `PATH` (Debian's package installs `/usr/bin/chromium`), else Chrome's macOS location.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SCML_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mac = Path::new("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    mac.is_file().then(|| mac.to_path_buf())
}

/// One headless Chromium process with a throw-away profile, killed and cleaned up on drop.
pub struct Chromium {
    child: Child,
    profile: PathBuf,
    socket: WebSocket,
    next_id: u64,
    /// Events received while waiting for something else, oldest first.
    events: VecDeque<Value>,
}

impl Chromium {
    /// Starts `exe` headless with a `width` x `height` window and connects to it.
    pub fn launch(exe: &Path, width: u32, height: u32) -> Result<Self> {
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let profile =
            std::env::temp_dir().join(format!("xtask-chromium-{}-{stamp:09}", std::process::id()));
        fs::create_dir_all(&profile).with_context(|| format!("creating {}", profile.display()))?;
        let log = fs::File::create(profile.join("chromium.log"))?;
        let child = Command::new(exe)
            .args(OFFLINE_FLAGS)
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--window-size={width},{height}"))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {}", exe.display()))?;
        // From here on, `Drop` kills the process and removes the profile on any error.
        let mut starting = Starting {
            child: Some(child),
            profile: profile.clone(),
        };
        let (port, path) = starting.wait_for_port()?;
        let socket = WebSocket::connect(port, &path)
            .with_context(|| format!("connecting to Chromium's DevTools on port {port}"))?;
        let child = starting
            .child
            .take()
            .expect("the child is still owned here");
        Ok(Chromium {
            child,
            profile,
            socket,
            next_id: 1,
            events: VecDeque::new(),
        })
    }

    /// Opens a new tab and returns its CDP session id (for [`Chromium::call`]).
    pub fn new_page(&mut self) -> Result<String> {
        let target = self.call(None, "Target.createTarget", json!({"url": "about:blank"}))?;
        let target_id = target["targetId"]
            .as_str()
            .ok_or_else(|| anyhow!("Target.createTarget returned no targetId: {target}"))?
            .to_owned();
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        )?;
        attached["sessionId"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("Target.attachToTarget returned no sessionId: {attached}"))
    }

    /// Sends one CDP command (to the browser, or to a page's `session`) and waits for its result.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        self.call_within(session, method, params, COMMAND_TIMEOUT)
    }

    /// [`Chromium::call`] for a command that may take longer than usual (printing a book).
    pub fn call_within(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
        timeout: Duration,
    ) -> Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        self.socket.send_text(&message.to_string())?;
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(reply) = self.socket.receive_within(left)? else {
                bail!(
                    "Chromium did not answer `{method}` within {} s",
                    timeout.as_secs()
                );
            };
            let reply: Value = serde_json::from_str(&reply)
                .with_context(|| format!("Chromium sent invalid JSON while running `{method}`"))?;
            if reply["id"] == json!(id) {
                if let Some(error) = reply.get("error") {
                    bail!("`{method}` failed: {error}");
                }
                return Ok(reply["result"].clone());
            }
            if reply.get("method").is_some() {
                self.events.push_back(reply);
            }
        }
    }

    /// Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and
    /// returns its value as JSON; a thrown exception is an error.
    pub fn evaluate(&mut self, session: &str, expression: &str) -> Result<Value> {
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": expression, "awaitPromise": true, "returnByValue": true}),
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            let text = details["exception"]["description"]
                .as_str()
                .or_else(|| details["text"].as_str())
                .unwrap_or("unknown exception");
            bail!("the page's script threw: {text}");
        }
        Ok(result["result"]["value"].clone())
    }

    /// Waits for the event `method` of `session`, returning it; earlier events stay queued.
    pub fn wait_for_event(
        &mut self,
        session: &str,
        method: &str,
        timeout: Duration,
    ) -> Result<Value> {
        let matches = |e: &Value| e["method"] == json!(method) && e["sessionId"] == json!(session);
        if let Some(pos) = self.events.iter().position(matches) {
            return Ok(self
                .events
                .remove(pos)
                .expect("the position was just found"));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(text) = self.socket.receive_within(left)? else {
                bail!("no `{method}` within {} s", timeout.as_secs());
            };
            let event: Value = serde_json::from_str(&text)?;
            if matches(&event) {
                return Ok(event);
            }
            if event.get("method").is_some() {
                self.events.push_back(event);
            }
        }
    }

    /// Reads events until none has arrived for `quiet` (or `limit` has passed), then returns
    /// every queued event, oldest first, emptying the queue.
    pub fn drain_events(&mut self, quiet: Duration, limit: Duration) -> Result<Vec<Value>> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            let wait = quiet.min(deadline.saturating_duration_since(Instant::now()));
            match self.socket.receive_within(wait)? {
                Some(text) => {
                    let event: Value = serde_json::from_str(&text)?;
                    if event.get("method").is_some() {
                        self.events.push_back(event);
                    }
                }
                None => break,
            }
        }
        Ok(self.events.drain(..).collect())
    }
}

impl Drop for Chromium {
    /// Closes the browser politely (so its helper processes exit and it removes its own
    /// temporary files), kills it if it lingers, then removes the profile.
    fn drop(&mut self) {
        let close = json!({"id": 0, "method": "Browser.close", "params": {}});
        if self.socket.send_text(&close.to_string()).is_ok() {
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        for _ in 0..20 {
            if fs::remove_dir_all(&self.profile).is_ok() || !self.profile.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A Chromium that has been started but is not connected yet; cleans up if connecting fails.
struct Starting {
    child: Option<Child>,
    profile: PathBuf,
}

impl Starting {
    /// Waits for Chromium to write `DevToolsActivePort`: the port, then the browser's path.
    fn wait_for_port(&mut self) -> Result<(u16, String)> {
        let file = self.profile.join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(text) = fs::read_to_string(&file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next())
                    && let Ok(port) = port.trim().parse::<u16>()
                {
                    return Ok((port, path.trim().to_owned()));
                }
            }
            let child = self.child.as_mut().expect("only taken after success");
            if let Some(status) = child.try_wait()? {
                bail!(
                    "Chromium exited at start ({status}); its log ends with:\n{}",
                    self.log_tail()
                );
            }
            if Instant::now() > deadline {
                bail!(
                    "Chromium did not open its DevTools port within 30 s; its log ends with:\n{}",
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log_tail(&self) -> String {
        let log = fs::read_to_string(self.profile.join("chromium.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }
}

impl Drop for Starting {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            let _ = fs::remove_dir_all(&self.profile);
        }
    }
}

/// The client side of a WebSocket connection (RFC 6455) to 127.0.0.1: text messages out,
/// text or binary messages in, pings answered, no extensions.
struct WebSocket {
    writer: TcpStream,
    reader: BufReader<TcpStream>,
    mask_state: u32,
}

const OPCODE_CONTINUATION: u8 = 0x0;
const OPCODE_TEXT: u8 = 0x1;
const OPCODE_BINARY: u8 = 0x2;
const OPCODE_CLOSE: u8 = 0x8;
const OPCODE_PING: u8 = 0x9;
const OPCODE_PONG: u8 = 0xA;

impl WebSocket {
    /// Opens the connection and performs the HTTP upgrade handshake.
    fn connect(port: u16, path: &str) -> Result<Self> {
        let writer = TcpStream::connect(("127.0.0.1", port))?;
        writer.set_nodelay(true)?;
        let reader = BufReader::new(writer.try_clone()?);
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0x9E37_79B9, |d| d.subsec_nanos() | 1);
        let mut socket = WebSocket {
            writer,
            reader,
            mask_state: seed,
        };
        let key = base64_encode(&[0u8; 16].map(|_| socket.next_mask_byte()));
        write!(
            socket.writer,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )?;
        socket
            .reader
            .get_ref()
            .set_read_timeout(Some(COMMAND_TIMEOUT))?;
        let mut status = String::new();
        socket.reader.read_line(&mut status)?;
        if !status.starts_with("HTTP/1.1 101") {
            bail!("the WebSocket upgrade was refused: {}", status.trim());
        }
        loop {
            let mut header = String::new();
            if socket.reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
        }
        Ok(socket)
    }

    /// A pseudo-random byte for frame masks (xorshift; masks need not be secret on loopback).
    fn next_mask_byte(&mut self) -> u8 {
        let mut x = self.mask_state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.mask_state = x;
        (x >> 24) as u8
    }

    fn send_text(&mut self, text: &str) -> Result<()> {
        let mask = [0u8; 4].map(|_| self.next_mask_byte());
        let frame = encode_client_frame(OPCODE_TEXT, text.as_bytes(), mask);
        self.writer
            .write_all(&frame)
            .context("writing to Chromium's DevTools socket")
    }

    fn send_control(&mut self, opcode: u8, payload: &[u8]) -> Result<()> {
        let mask = [0u8; 4].map(|_| self.next_mask_byte());
        self.writer
            .write_all(&encode_client_frame(opcode, payload, mask))?;
        Ok(())
    }

    /// The next whole message, or `None` if none starts within `wait`.
    fn receive_within(&mut self, wait: Duration) -> Result<Option<String>> {
        let mut message = Vec::new();
        let mut started = false;
        loop {
            let first_byte_wait = if started { COMMAND_TIMEOUT } else { wait };
            let Some(frame) = self.read_frame(first_byte_wait)? else {
                return Ok(None);
            };
            match frame.opcode {
                OPCODE_PING => self.send_control(OPCODE_PONG, &frame.payload)?,
                OPCODE_PONG => {}
                OPCODE_CLOSE => bail!("Chromium closed the DevTools connection"),
                OPCODE_TEXT | OPCODE_BINARY | OPCODE_CONTINUATION => {
                    started = true;
                    message.extend_from_slice(&frame.payload);
                    if frame.fin {
                        return String::from_utf8(message)
                            .map(Some)
                            .map_err(|_| anyhow!("Chromium sent a message that is not UTF-8"));
                    }
                }
                other => bail!("unexpected WebSocket opcode {other:#x}"),
            }
        }
    }

    /// Reads one frame; waits at most `wait` for its first byte (`None` if none came).
    fn read_frame(&mut self, wait: Duration) -> Result<Option<Frame>> {
        if self.reader.buffer().is_empty() {
            // A zero timeout means "block forever" to the OS: wait at least a millisecond.
            let wait = wait.max(Duration::from_millis(1));
            self.reader.get_ref().set_read_timeout(Some(wait))?;
            let available = match self.reader.fill_buf() {
                Ok(bytes) => !bytes.is_empty(),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Ok(None);
                }
                Err(e) => return Err(e.into()),
            };
            if !available {
                bail!("Chromium closed the DevTools connection");
            }
        }
        // The frame has started: the rest must follow promptly.
        self.reader
            .get_ref()
            .set_read_timeout(Some(COMMAND_TIMEOUT))?;
        decode_frame(&mut self.reader).map(Some)
    }
}

/// One WebSocket frame as received.
#[derive(Debug, PartialEq)]
struct Frame {
    fin: bool,
    opcode: u8,
    payload: Vec<u8>,
}

/// A client frame: FIN set, masked with `mask` as RFC 6455 requires of clients.
fn encode_client_frame(opcode: u8, payload: &[u8], mask: [u8; 4]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(payload.len() + 14);
    frame.push(0x80 | opcode);
    let len = payload.len();
    if len < 126 {
        frame.push(0x80 | len as u8);
    } else if let Ok(len) = u16::try_from(len) {
        frame.push(0x80 | 126);
        frame.extend_from_slice(&len.to_be_bytes());
    } else {
        frame.push(0x80 | 127);
        frame.extend_from_slice(&(len as u64).to_be_bytes());
    }
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    frame
}

/// Reads one frame (masked or not) from `input`.
fn decode_frame(input: &mut impl Read) -> Result<Frame> {
    let mut head = [0u8; 2];
    input.read_exact(&mut head)?;
    let fin = head[0] & 0x80 != 0;
    let opcode = head[0] & 0x0F;
    let masked = head[1] & 0x80 != 0;
    let len = match head[1] & 0x7F {
        126 => {
            let mut b = [0u8; 2];
            input.read_exact(&mut b)?;
            u64::from(u16::from_be_bytes(b))
        }
        127 => {
            let mut b = [0u8; 8];
            input.read_exact(&mut b)?;
            u64::from_be_bytes(b)
        }
        n => u64::from(n),
    };
    // Screenshots and PDFs arrive as one message; anything near 1 GiB is a broken stream.
    if len > 1 << 30 {
        bail!("a WebSocket frame claims {len} bytes");
    }
    let mut mask = [0u8; 4];
    if masked {
        input.read_exact(&mut mask)?;
    }
    let mut payload = vec![0u8; len as usize];
    input.read_exact(&mut payload)?;
    if masked {
        for (i, b) in payload.iter_mut().enumerate() {
            *b ^= mask[i % 4];
        }
    }
    Ok(Frame {
        fin,
        opcode,
        payload,
    })
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64_ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 (as CDP returns screenshots and PDFs).
pub fn base64_decode(text: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut bits = 0u32;
    let mut count = 0;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\n' | b'\r' => continue,
            _ => bail!("invalid base64 character {:?}", c as char),
        };
        bits = (bits << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            bits = 0;
            count = 0;
        }
    }
    match count {
        0 => {}
        2 => out.push((bits >> 4) as u8),
        3 => out.extend_from_slice(&[(bits >> 10) as u8, (bits >> 2) as u8]),
        _ => bail!("truncated base64"),
    }
    Ok(out)
}

/// Wraps the JavaScript statements `body` in an async function that first opens every
/// `<details>` (hints and solutions) and waits until every image has loaded or failed and the
/// fonts are ready, so what `body` measures is what a reader sees. `body` may use `images`
/// (the page's `<img>` elements) and ends by returning a value; the result is an expression for [`Chromium::evaluate`].
pub fn settled_page_script(body: &str) -> String {
    const SETTLE: &str = r#"(async () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const images = [...document.querySelectorAll('img')];
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  })));
  await document.fonts.ready;
"#;
    format!("{SETTLE}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_at_every_length_encoding() {
        for len in [0, 5, 125, 126, 300, 65_535, 65_536, 70_000] {
            let payload: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let frame = encode_client_frame(OPCODE_TEXT, &payload, [9, 8, 7, 6]);
            assert_eq!(frame[0], 0x81);
            assert_ne!(frame[1] & 0x80, 0, "client frames are masked");
            let decoded = decode_frame(&mut frame.as_slice()).unwrap();
            assert_eq!(
                decoded,
                Frame {
                    fin: true,
                    opcode: OPCODE_TEXT,
                    payload
                }
            );
        }
    }

    #[test]
    fn an_unmasked_server_frame_is_read() {
        let frame = [0x82, 3, b'a', b'b', b'c'];
        let decoded = decode_frame(&mut frame.as_slice()).unwrap();
        assert_eq!(decoded.opcode, OPCODE_BINARY);
        assert_eq!(decoded.payload, b"abc");
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert!(base64_decode("Zm9v!").is_err());
    }
}
