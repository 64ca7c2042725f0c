import React, { useEffect, useState } from "react";

export interface FinalCommentCardProps {
  tags: string;
  createdAt: string;
  id: string;
  ownerId: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAA0AAAATCAIAAADEVRDAAAADA0lEQVR42gH4Agf9ANYxBd00DOE6EeY+FOtFGe9IH/ZPJPtSKABYLgNdMgpiOQ9nPhNtQQDgOA7mPxTpRBjvSR/0TSP6Uin9WC0DXDEJYTYMZjsTa0AXcUccdEsA6kEX7UYe8ksj91En/VYtAlwyBl82DGQ6EmlAFW9EHHRJIHlOJn5TAPJMIPZRJ/1UKgJaLwVgNgplORFpPxZvQxtzSSB4TiR+UyqCWS2GXgD8VSsAWS8FXjQJYzgPaT0TbkQZckkfeE0jfVIpgFcshlsyi2I2kWYAA100CGM5Dmc9E2xCF3JGHnVNI3tRKH9WLIVaMYthNo5lOpVrQZpwAA1mPBJqQBdxRR10SiJ7Tyd/VSqEWS+JXzSNZDqSaECZbkOedEiieQAVb0UcdEoheU8mfVQphFowiF0zjGI6k2c/l25Dm3JIoHZNpXtTrIIAIHhNI3xSKYNXLohcM41hOZBoPZdsQ5pwSKF3TKV8UqmBVrCFWrSLACmCVy6FXTOMYTiRZz2VakCZb0eedEylelGoflathFu0iF+5j2W+kwAxi183j2Y8lGk/mHBFn3NKo3pPqH9TrIJasYddto1iu5FowpZuxp0AOpJpQJhtQ51ySqJ5Tad+VK2BWbKGXrWNYbuSaL+VbMWcccmfd9CkAESccUehdk2lfVOrgVewh1y0imC6j2a+lmzDmXDJn3XNpHvTqH7XrwBLpXtSqYFWsIRas4lguI5mvZNpw5pux551zKR60ql91q2E3LOH4LcAVK+EWrSJYLmOZb2UasGZbsaecs2jd9GofNatgduxiOC2jea6kuu/AF22jWS9kWjBmGzGnXPLoXbRpnvWqoLasIfetYrjuo/ovpXtxJrzyABnv5dtxZpyyqF1zqZ71ap/2a+E37OJ4rqO576V7cOY8smf+M6j/dMAcMqedM2ledSpftevg920ieK3jei+k+vBl/LGnfXNovzQpv/WrQXbAHrRqX/XroLds4fht4zlvZLrwZjvxpv1zKH70KYA1KoF2rAI4LYN5YqxYO0bVtfcAAAAAElFTkSuQmCC";

export function FinalCommentCard(props: FinalCommentCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "comment details";
  }, []);
  return (
    <div className="card card-comment" style={{ borderColor: "#ea5b30" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.tags}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
