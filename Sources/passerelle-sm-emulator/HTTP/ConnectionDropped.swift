/// Thrown after a drop: the connection is closed, so no answer can be written.
struct ConnectionDropped: Error {}
