import React, { useEffect, useState } from "react";

export interface StaleChannelCardProps {
  title: string;
  version: string;
  status: string;
  name: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABIAAAAJCAIAAACwvetYAAAB+klEQVR42gHvARD+AFM/nVlDoV9KpmRNqmlUr25ZtnFdundjvntmxYJtyodwzYp105F62JSA3ZmE4qCK5qWQ66iU8QBdSKZjTKlmUbBsWLNyXbh1YL16ZsJ/bMmEcc2LddKOedaUgNyYg+Gfiuekj+uolO+tl/WynfsAZlKuala0b1y3dGG8e2XBf2vHhHDLiHXQjnjWlH/cmILgnYflo47pqJLvrJb0sZz4tqH+vKcCAHBbt3Ngu3plwX5ox4Juyod00Ix51ZJ+25eC3puI46KN6qeS7quV8rGc97ah/LmmA8CpCMWuDQB3Yr99Z8aCbMqGcs+NdtSSfNqWgt6aheSgi+elkO6rlvGvmfe0oPu5pAG/qAbCrQvHtBDMtxUAgGzKhXLNi3XSkXvYlIDcmYXioInno4/sqZPxr5j3s578uKIAvKgEwa0KyLMPzLYV0rwZ18AfAIt004561pR/25qE4Z+J5qSN6qiT8a6Y9bKc+7ejALumBcGtCMewD8u3FNG8GNbAHdnEIt7LJwCTfduZguGdh+WhjOqmku+rmPSwnPm2of66pwK/qwfGsQ7JtRHPuRbUvxzaxCDeyCXjzSvn0y8AnYjjoo3qp5Hvq5XzsZz5tqD+u6YCvqoIxK4LyLQQzrkV070b2cIh3Mck4cwr5tMv7Ngz8Nw5OEclyVmUFVIAAAAASUVORK5CYII=";

export function StaleChannelCard(props: StaleChannelCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "channel details";
  }, []);
  return (
    <div className="card card-channel" style={{ borderColor: "#f60c08" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.title}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
