import React, { useEffect, useState } from "react";

export interface DraftFolderCardProps {
  count: string;
  ownerId: string;
  email: string;
  tags: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAA4AAAAJCAIAAACNL4o+AAABjklEQVR42gGDAXz+AJ4t5KQz6qg47q099LNC+blF/L5KAcFRB8hVDM1bEdFeFtVkGtpoId9tJgCnN+ysO/GyQPi3RPy7SgHBTwfHUwvLWhDPXRTWZBvbaB/gbiTkcSnqdi8AsD/1tkX6vEoAwU8ExFIJy1gO0FwV02MY2Wgd32sj5HEn53Yt7Xwy8YE4ALlJ/r9MA8VRCMlYD85bEtNgGNhnHN5sIuNxJ+d0K+17MPGANvaEO/qKQQDEUQnHVw3NXBHSXxjXZhzcayLibifndSrqeS/xfjT0gzv6iUD/jUMEk0oAzVoQ0V8W1mQc3Gof4W0k5HMq6Xcv73419IE6+Ic//YxEApFHCJZNDJtRANRkGdlpIN5tJeRxKeh3Le97NPOBOfeHPf2MQgKQRwaVTAyaURCeVRekWgDebSTjcSnpdyztezLzgDj3hDv9i0ACj0UGlEwKmFERn1UUpFkaqGAermMA5nUr7Xsy8YA19YQ8/Io//49FBZJLCpdODp5VFKNYGKdfHaxjJLBpKLVsZniwy0+pEQsAAAAASUVORK5CYII=";

export function DraftFolderCard(props: DraftFolderCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "folder details";
  }, []);
  return (
    <div className="card card-folder" style={{ borderColor: "#0b7e31" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.count}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
