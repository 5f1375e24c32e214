use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The sample article shipped in `data/`.
pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/seed-kishida-biden.txt")
}

/// A temporary working directory with a database path inside it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    /// Writes a file under the workspace and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// `newsgraph --db <workspace db> ARGS...`
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("newsgraph").expect("binary");
        c.env_remove("NEWSGRAPH_DB").arg("--db").arg(self.db()).args(args);
        c
    }

    /// Runs a command that must succeed and returns its stdout parsed as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd(args).output().expect("run");
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
    }
}

/// The built `newsgraph` binary, for children a test runs alongside others or kills.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsgraph"))
}

impl Workspace {
    /// A path under the workspace (nothing is created).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `newsgraph --db DB ARGS...` on another database than the workspace's.
    pub fn cmd_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("newsgraph").expect("binary");
        c.env_remove("NEWSGRAPH_DB").arg("--db").arg(db).args(args);
        c
    }

    /// Starts `newsgraph --db DB ARGS...` as a child process, output discarded
    /// but for stderr, which is piped.
    pub fn spawn_on(&self, db: &Path, args: &[&str]) -> std::process::Child {
        std::process::Command::new(bin())
            .env_remove("NEWSGRAPH_DB")
            .arg("--db")
            .arg(db)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn newsgraph")
    }
}
