//! `linimasa`: the command-line shell over the core library.

mod cli;

fn main() -> std::process::ExitCode {
    // Piped into `head`, a listing stops quietly instead of panicking on a closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default SIGPIPE action at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::run()
}
