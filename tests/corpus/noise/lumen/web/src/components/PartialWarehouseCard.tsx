import React, { useEffect, useState } from "react";

export interface PartialWarehouseCardProps {
  name: string;
  region: string;
  version: string;
  count: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAcAAAANCAIAAADqq+PiAAABKUlEQVR42gEeAeH+ACNhaShlbS5scjNxdzZ0fT17gkB+iAAtanIwbnc1dHw8eoFBfoZFgopKh5EANHR7O3d/P32GRYGKSYaOTYuTVJCaAD98hUOBiUmHjUyKlFGQl1eVnFuaoQBIho1NipNSjphWlZtamKJgnqVmpKwAUY+WVZOcW5mhXp2lY6Oraqewbay1AFmXnl+cpGSgqWimr26ss3OxuXa2vABhoalnpK5tqbJyr7h2tLx8usGAv8UAa6myca22dbS8erm/frzGg8PLisfQAHWxuXm4vn27xITByIjHzo7L05HP2AB8vMODwMmGxc2MytOQztiW1Nyc2eAAh8XMi8nRkc/XldTcmdfhn9zkpeLqAI/M1JTS2ZrW3p7c46Th6Kjm7a3q8lKdneTwlwSEAAAAAElFTkSuQmCC";

export function PartialWarehouseCard(props: PartialWarehouseCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "warehouse details";
  }, []);
  return (
    <div className="card card-warehouse" style={{ borderColor: "#f817ad" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.name}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
