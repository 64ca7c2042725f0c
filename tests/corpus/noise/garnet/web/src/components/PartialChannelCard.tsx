import React, { useEffect, useState } from "react";

export interface PartialChannelCardProps {
  ownerId: string;
  updatedAt: string;
  region: string;
  createdAt: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAcAAAAJCAIAAABxOqH0AAAAy0lEQVR42mN4Kyz4UUL8h7TMbwVFBnVVdh1tbkN9hq/SUr8V5RlUVFm1NTgN9PmNTUSszBn+qSoxa6lz6urwmRiJWJpJ2FjLODoycOjp8BoZCVqYiVtbSTs5Kri6qnp5MwiamogB+Q528q6uat6emgF+eiFBDJJ29nKuLiqeHlr+IL5JeIRlXDSDkqebup+3TmCQYVi4WUyUbWK8Q1oKg3ZAgEFYqHl0pHVCnH1qsltmlmdeLoNJZJRVfLxdSopzZrpHfq5fSWFwRRkAB/Awh2VVqrAAAAAASUVORK5CYII=";

export function PartialChannelCard(props: PartialChannelCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "channel details";
  }, []);
  return (
    <div className="card card-channel" style={{ borderColor: "#1d3b6a" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.ownerId}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
