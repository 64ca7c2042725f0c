import React, { useEffect, useState } from "react";

export interface PendingFolderCardProps {
  version: string;
  count: string;
  status: string;
  ownerId: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAoAAAAPCAIAAABSnclZAAAB3ElEQVR42gHRAS7+ADgmcT4tdkMye0k1f0w6hFNAilhGjVxJk2FQmGVTnABCL3hGNn1LO4JRPolVRIxaSJJfT5ZlUpxpWKFuXqYASziCUD+GVkOMWUiQXk6WZVKaaFigbVylc2GpeGWuAFVBjFhGj19MlWJRmWdVn2xcpHNfqnZmrntrsoFvuQBdS5RiT5pnVp1rWaRxX6h2Y618aLGAbreGcryJecAAZVSda1iicF2odWKse2mxgG22hHK7iHbAjX3Gk4HLAG5dpnVjrHlmsX1stINwu4d1wI56w5KBypiGzZyJ0wB5Za98bLODcbmIdr6MecSRfsiXhcyaiNGhj9ekk9wAgW64hnS8i3nCj37GlILLmYnSoI3Xo5HaqpbhrZ3kAIt4wY58xZSBypiH0Z+N1KSQ26eX3q6a47Gf6rak7QCUgMqYh86ejNOjkdqnlN2tmeOxnui3o+66qPK/rvgAnYnUoI/XpZPdqpnhsZ/ntqPtuqnwvq73w7L8yrf/AKSS26qY4K+d5rOh6rmn776t9cOx+se1AM26BNG/CgCtnOS0oOq3p/C8q/XCsPrHtf7MugPSvwnXxQ7byRMAt6buu6rywq73xbP9zLgB0b4I1MQM28cR3s4V5NEcxSUDDTIHSYcAAAAASUVORK5CYII=";

export function PendingFolderCard(props: PendingFolderCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "folder details";
  }, []);
  return (
    <div className="card card-folder" style={{ borderColor: "#cd71d5" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.version}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
