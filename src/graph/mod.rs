//! Stage 7, graph: actors, events, places and articles as a petgraph graph, the actor network
//! and its measures. Arrives with the events-and-graph issue; the store's event, actor and place
//! tables are its input.
