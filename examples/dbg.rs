use claimcheck::extract::{
    extract_mentions, numeral::parse_numeral, token::tokenize, ExtractContext,
};
use claimcheck::Config;
fn main() {
    let s = std::env::args().nth(1).unwrap();
    let t = tokenize(&s);
    for i in 0..t.len() {
        println!(
            "{i} {:?} {:?} attached={}",
            t.s(i),
            t.kind(i),
            t.attached(i)
        );
    }
    println!("{:?}", parse_numeral(&t, 0, false));
    let cfg = Config::default();
    let ctx = ExtractContext {
        config: &cfg,
        published: Some("2025-06-24"),
    };
    for m in extract_mentions(&s, &ctx) {
        println!("{:?} {:?}", &s[m.start..m.end], m);
    }
}
