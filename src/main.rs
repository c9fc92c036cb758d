//! The `claimcheck` binary: parses arguments, runs the library, picks a renderer and
//! maps the outcome to an exit code (0 clean, 1 findings, 2 usage or input error).

use claimcheck::{extract_all, load_paths, Config};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks whether articles agree on their facts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every numeric and dated claim in the inputs.
    Extract {
        /// Files or directories to read; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Human,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimcheck: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> std::io::Result<ExitCode> {
    match cli.command {
        Command::Extract { paths, format } => {
            let config = Config::default();
            let (docs, errors) = load_paths(&paths);
            for e in &errors {
                eprintln!("claimcheck: {e}");
            }
            let claims = extract_all(&docs, &config);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match format {
                ExtractFormat::Human => {
                    for c in &claims {
                        writeln!(
                            out,
                            "{}:{}:{}: {:?} {} {:?} {} {}",
                            c.doc,
                            c.span.line,
                            c.span.column,
                            c.text,
                            c.kind.as_str(),
                            c.value,
                            c.unit.as_deref().unwrap_or("-"),
                            c.qualifier.as_str()
                        )?;
                    }
                }
                ExtractFormat::Json => {
                    let docs_info: Vec<_> = docs
                        .iter()
                        .map(|d| serde_json::json!({"id": d.id, "published": d.published, "title": d.title}))
                        .collect();
                    let v =
                        serde_json::json!({"version": 1, "documents": docs_info, "claims": claims});
                    serde_json::to_writer_pretty(&mut out, &v)?;
                    writeln!(out)?;
                }
                ExtractFormat::Jsonl => {
                    for c in &claims {
                        serde_json::to_writer(&mut out, c)?;
                        writeln!(out)?;
                    }
                }
            }
            out.flush()?;
            Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
    }
}
