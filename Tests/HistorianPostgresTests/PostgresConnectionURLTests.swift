import Testing

@testable import HistorianPostgres

@Suite struct PostgresConnectionURLTests {
    @Test func fullURLParses() throws {
        let url = try PostgresConnectionURL(parsing: "postgres://mill%40race:p%3Ass@db.plant.local:6543/historian?sslmode=require")
        #expect(url == PostgresConnectionURL(
            host: "db.plant.local", port: 6543, user: "mill@race", password: "p:ss", database: "historian", tls: .require))
        #expect(url.description == "postgres://mill@race:***@db.plant.local:6543/historian?sslmode=require")
    }

    @Test func defaultsFollowLibpq() throws {
        let url = try PostgresConnectionURL(parsing: "postgresql://millrace@127.0.0.1")
        #expect(url.port == 5432)
        #expect(url.database == "millrace")
        #expect(url.password == nil)
        #expect(url.tls == .disable)
        #expect(try PostgresConnectionURL(parsing: "postgres://u:p@[::1]:5433/db").host == "::1")
    }

    @Test(arguments: [
        ("mysql://u:p@h/db", "scheme"),
        ("postgres://h/db", "user"),
        ("postgres://u:secret@/db", "host"),
        ("postgres://u:secret@h/db/extra", "database name"),
        ("postgres://u:secret@h/db?sslmode=verify-full", "sslmode"),
        ("postgres://u:secret@h/db?timeout=3", "unknown parameter"),
        ("postgres://u:secret@h:0/db", "port"),
    ])
    func badURLsSayWhatIsWrongWithoutThePassword(text: String, expected: String) {
        #expect {
            _ = try PostgresConnectionURL(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(expected) && !message.contains("secret")
        }
    }
}
