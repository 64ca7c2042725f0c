import React, { useEffect, useState } from "react";

export interface BatchCartCardProps {
  createdAt: string;
  description: string;
  currency: string;
  version: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABEAAAANCAIAAADAGxJNAAACr0lEQVR42gGkAlv9AFr7HF8AIWQHJmkLKW8RL3MUNXoaOX8fP4QjQ4goSI0tTZMzUZg4V50+XKFBYKdHZapMawBkBSVqCihvDi1yEzN5GDd8Hj2DJEGIJ0eLLE2QMlGWN1WbO1qfQmGmRmSqSmuuUW+0VnUAbQ8ucxIxdhk3fRw9giNChyhFiitLkTBQlDdWmjpbnj9fpURlqEtorlBvslRzt1l4vl59AHcWNXwdO4AhP4UlRIsqS5AvUJQ0VZk5WZ5AX6RDZKhJZ61PbLFScrhZeLxcfMJjgsVohwB+IT6DJkWKKUmPLk6SNVSYOVeeP16iRGKoR2etTW2yU3C2WHe7W3q/YYDGZYbKbIvOcY8AiCpIjS5OkjRSljhYnT5dokNgpUdmrE1ssFFxtVZ0uVx7vl9+w2SDymuIznCN03SS2XqZAJAzUpY4V5w9W6FCYaZGZKpMabBPcLNWc7paeL1efcJjhMhqh8xvjtFzkdd3ltt8neKBogCZOlueP1+kRGOpSmivTm+0VHO3WXm9XnzBZILIaYbNbozRcZHVd5bcfZvfgqDmhqXri6sApERkqElnrU9tsVJytlh3vVx9wGOBx2eFymuKz3CR1HeW23yb4ICg5Yak6Imp74+v9JSzAKxOa7JScbdWd7pdfL9igMRmhctri89wj9V0k9p7mt+An+OEpOeIqe6PrPGTsveXtv2dvQC1VXS6Wnq+YX7FZITKa4jObo3UdZPZepfcfZ3jg6Loh6jtjq3wkbH2mLX8m7oBoL8FpcYAvWB9xGWEyGmIzm+O0XOS2HmW3Hyc4YGg5Yin64ur8ZKw9Ja2+5y7/qHAA6TECqvID7DNAMZphsxsjdBxkdV3ldt8muGAoOaHpumKqvCPsPSVtfibuv6evQKkwwmpxw6vzROz0xa519aATRIqtmi1AAAAAElFTkSuQmCC";

export function BatchCartCard(props: BatchCartCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "cart details";
  }, []);
  return (
    <div className="card card-cart" style={{ borderColor: "#1ff405" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.createdAt}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
