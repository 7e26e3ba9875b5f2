//! `linimasa`: the command-line shell over the core library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
